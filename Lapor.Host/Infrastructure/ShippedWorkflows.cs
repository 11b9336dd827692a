using Lapor.Workflows.Calendars;
using Lapor.Workflows.Runtime;

namespace Lapor.Host.Infrastructure;

/// <summary>The <c>workflows/</c> folder shipped with the product: BPMN files deployed at start-up and holiday calendars.</summary>
public static class ShippedWorkflows
{
    public static string Directory(LaporOptions options) =>
        options.WorkflowsDirectory ?? Path.Combine(AppContext.BaseDirectory, "workflows");

    public static BusinessCalendar LoadCalendar(LaporOptions options)
    {
        var zone = TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var found) ? found : CalendarZones.Wita;
        var folder = Path.Combine(Directory(options), "calendars");
        return new BusinessCalendar(System.IO.Directory.Exists(folder) ? HolidayFile.LoadDirectory(folder) : [], zone);
    }

    /// <summary>Deploys every shipped BPMN file whose content differs from the latest version of its process.</summary>
    public static async Task DeployShippedWorkflowsAsync(this IServiceProvider services, LaporOptions options)
    {
        var folder = Directory(options);
        if (!System.IO.Directory.Exists(folder))
            return;
        var files = System.IO.Directory.GetFiles(folder, "*.bpmn").Order(StringComparer.Ordinal).ToList();
        if (files.Count == 0)
            return;
        await using var scope = services.CreateAsyncScope();
        var deployer = scope.ServiceProvider.GetRequiredService<Deployer>();
        var resources = files.Select(f => new DeploymentResource(Path.GetFileName(f), File.ReadAllText(f))).ToList();
        var result = await deployer.DeployAsync(
            new DeploymentRequest("shipped workflows", resources, DuplicateFiltering: true, Source: "startup") { YieldToOtherSources = true }, "system");
        var log = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(ShippedWorkflows));
        foreach (var kept in result.Unchanged.Where(k => resources.All(r => !string.Equals(Sha256(r.Content), k.XmlSha256, StringComparison.OrdinalIgnoreCase))))
            log.LogWarning("{Key} version {Version} was published in the designer after the shipped file; the changed shipped file was not deployed. "
                           + "Import it in the designer to use it.", kept.Key, kept.Version);
        foreach (var definition in result.Deployed)
            log.LogInformation("Deployed {Key} version {Version} from {File}", definition.Key, definition.Version, definition.ResourceName);
    }

    private static string Sha256(string text) =>
        Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(System.Text.Encoding.UTF8.GetBytes(text)));
}
