using Lapor.Host.Infrastructure;
using Lapor.Workflows.Calendars;
using Microsoft.Extensions.Options;

namespace Lapor.Host.Operations;

/// <summary>
/// Settings the host cannot run with, each as one line that names the setting and says what to use instead. Program.cs
/// checks right after binding, because the options are used while services are registered (database, scheduling,
/// calendar); <c>ValidateOnStart</c> checks again for whatever reads them through <c>IOptions</c>.
/// </summary>
/// <remarks>
/// Holiday calendars: with <c>Lapor:WorkflowsDirectory</c> unset the shipped folder is in use, and its
/// <c>calendars/*.json</c> must be there, or a broken install would count deadlines across holidays without a word.
/// A folder set in configuration may lack <c>calendars/</c>, or not exist at all (a set-up without shipped workflows,
/// as the host tests use): deadlines then count Monday to Friday, and the start-up log says so. Calendar files that
/// are there must read without error either way.
/// </remarks>
public sealed class LaporOptionsValidator : IValidateOptions<LaporOptions>
{
    /// <summary>Reads the <c>Lapor</c> section; a value of the wrong type (<c>SweepIntervalSeconds=abc</c>) is a problem too.</summary>
    public static LaporOptions Bind(IConfiguration configuration, out IReadOnlyList<string> problems)
    {
        LaporOptions options;
        try
        {
            options = configuration.GetSection(LaporOptions.Section).Get<LaporOptions>() ?? new LaporOptions();
        }
        catch (InvalidOperationException ex)
        {
            // The binder's message names the key and the type ("Failed to convert configuration value at ...").
            problems = [ex.Message];
            return new LaporOptions();
        }
        problems = Validate(options);
        return options;
    }

    public static IReadOnlyList<string> Validate(LaporOptions options) => Validate(options, ShippedWorkflows.DefaultDirectory);

    /// <param name="shippedWorkflows">The build's own workflows folder (a test names another one).</param>
    internal static IReadOnlyList<string> Validate(LaporOptions options, string shippedWorkflows)
    {
        var problems = new List<string>();
        var provider = options.Database.Provider ?? "";
        if (!provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && !provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase))
            problems.Add($"Lapor:Database:Provider is '{provider}'; use 'Sqlite' or 'Postgres'.");
        else if (options.UsesPostgres() && string.IsNullOrWhiteSpace(options.Database.PostgresConnection))
            problems.Add("Lapor:Database:PostgresConnection is empty while Lapor:Database:Provider is 'Postgres'; "
                         + "set it (environment variable Lapor__Database__PostgresConnection).");
        if (options.Database.SqliteCacheMegabytes is < 1 or > 4096)
            problems.Add($"Lapor:Database:SqliteCacheMegabytes is {options.Database.SqliteCacheMegabytes}; use a whole number of megabytes from 1 to 4096 (default 16).");
        if (string.IsNullOrWhiteSpace(options.DataDirectory))
            problems.Add("Lapor:DataDirectory is empty; name the folder for the database files (default 'App_Data').");
        if (!ShippedWorkflows.TryFindZone(options.TimeZone, out _))
            problems.Add($"Lapor:TimeZone is '{options.TimeZone}', a time zone this machine does not know; use an IANA name such as 'Asia/Makassar'.");
        if (options.SweepIntervalSeconds < 1)
            problems.Add($"Lapor:SweepIntervalSeconds is {options.SweepIntervalSeconds}; use a whole number of seconds, 1 or more.");
        if (string.IsNullOrWhiteSpace(options.Admin.UserName))
            problems.Add("Lapor:Admin:UserName is empty; name the administrator account (default 'admin').");
        if (CalendarProblem(options, shippedWorkflows) is { } calendar)
            problems.Add(calendar);
        return problems;
    }

    private static string? CalendarProblem(LaporOptions options, string shippedWorkflows)
    {
        var folder = Path.Combine(options.WorkflowsDirectory ?? shippedWorkflows, "calendars");
        if (!Directory.Exists(folder) || Directory.GetFiles(folder, "*.json").Length == 0)
            return options.WorkflowsDirectory is null
                ? $"The shipped holiday calendars are missing: no *.json in '{folder}'; reinstall the build, or set Lapor:WorkflowsDirectory to a folder with calendars/."
                : null;
        try
        {
            HolidayFile.LoadDirectory(folder);
            return null;
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException or UnauthorizedAccessException)
        {
            var setting = options.WorkflowsDirectory is null ? "The shipped holiday calendars" : "Lapor:WorkflowsDirectory";
            return $"{setting}: {ex.Message}";
        }
    }

    ValidateOptionsResult IValidateOptions<LaporOptions>.Validate(string? name, LaporOptions options) =>
        Validate(options) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
}
