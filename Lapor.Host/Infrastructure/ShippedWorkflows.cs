using System.Diagnostics.CodeAnalysis;
using Lapor.Workflows.Calendars;
using Lapor.Workflows.Runtime;

namespace Lapor.Host.Infrastructure;

/// <summary>The <c>workflows/</c> folder shipped with the product: BPMN files deployed at start-up and holiday calendars.</summary>
public static class ShippedWorkflows
{
    /// <summary>The folder that travels with the build, used when <c>Lapor:WorkflowsDirectory</c> is not set.</summary>
    public static string DefaultDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "workflows");

    public static string Directory(LaporOptions options) => options.WorkflowsDirectory ?? DefaultDirectory;

    /// <summary>Where holiday calendars are read from: <c>calendars/*.json</c> under the workflows folder.</summary>
    public static string CalendarDirectory(LaporOptions options) => Path.Combine(Directory(options), "calendars");

    public static BusinessCalendar LoadCalendar(LaporOptions options)
    {
        var zone = TryFindZone(options.TimeZone, out var found) ? found : CalendarZones.Wita;
        var folder = CalendarDirectory(options);
        return new BusinessCalendar(System.IO.Directory.Exists(folder) ? HolidayFile.LoadDirectory(folder) : [], zone);
    }

    /// <summary>
    /// The machine's zone of that name, or one of Indonesia's three zones, which <see cref="CalendarZones"/> builds even
    /// on slim images without the IANA database.
    /// </summary>
    public static bool TryFindZone(string? id, [NotNullWhen(true)] out TimeZoneInfo? zone)
    {
        zone = null;
        if (string.IsNullOrWhiteSpace(id))
            return false;
        if (TimeZoneInfo.TryFindSystemTimeZoneById(id, out zone))
            return true;
        zone = new[] { CalendarZones.Wib, CalendarZones.Wita, CalendarZones.Wit }.FirstOrDefault(z => z.Id == id);
        return zone is not null;
    }

    /// <summary>Deploys every shipped BPMN and DMN file whose content differs from the latest version of its process or decision.</summary>
    public static async Task DeployShippedWorkflowsAsync(this IServiceProvider services, LaporOptions options)
    {
        LogCalendars(services, options);
        var folder = Directory(options);
        if (!System.IO.Directory.Exists(folder))
            return;
        // Decision tables (*.dmn) go in the same deployment as the processes that evaluate them.
        var files = System.IO.Directory.GetFiles(folder, "*.bpmn").Concat(System.IO.Directory.GetFiles(folder, "*.dmn"))
            .Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            return;
        await using var scope = services.CreateAsyncScope();
        var deployer = scope.ServiceProvider.GetRequiredService<Deployer>();
        var resources = files.Select(f => new DeploymentResource(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var result = await deployer.DeployAsync(
            new DeploymentRequest("shipped workflows", resources, DuplicateFiltering: true, Source: "startup") { YieldToOtherSources = true }, "system");
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShippedWorkflows));
        foreach (var kept in result.KeptProcesses.Where(k => resources.All(r => !string.Equals(Sha256(r.Content), k.XmlSha256, StringComparison.OrdinalIgnoreCase))))
            log.LogWarning("{Key} version {Version} was published in the designer after the shipped file; the changed shipped file was not deployed. "
                           + "Import it in the designer to use it.", kept.Key, kept.Version);
        foreach (var definition in result.Processes)
            log.LogInformation("Deployed {Key} version {Version} from {File}", definition.Key, definition.Version, definition.ResourceName);
        foreach (var decision in result.Decisions)
            log.LogInformation("Deployed decision {Key} version {Version} from {File}", decision.Key, decision.Version, decision.ResourceName);
    }

    /// <summary>Which holidays deadlines skip is worth one line at start-up; none at all is worth a warning.</summary>
    private static void LogCalendars(IServiceProvider services, LaporOptions options)
    {
        var log = services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShippedWorkflows));
        var folder = CalendarDirectory(options);
        var files = System.IO.Directory.Exists(folder) ? System.IO.Directory.GetFiles(folder, "*.json").Length : 0;
        if (files == 0)
            log.LogWarning("No holiday calendars in {Folder}: deadlines count Monday to Friday without holidays", folder);
        else
            log.LogInformation("Holiday calendars: {Files} files in {Folder}", files, folder);
    }

    private static string Sha256(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
