using Lapor.Host.Localization;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Designer;

/// <summary>
/// Kasus berjalan of one process: counts per version and node, a page of running instances, and the operator's
/// commands on them (suspend, resume, cancel with a reason; retry an incident). Coordinators and administrators only
/// (the folder's convention).
/// </summary>
public sealed class InstancesModel(WorkflowEngine engine, ProcessDesigns designs, ProcessQueries queries, InstanceQuery instances, IStringLocalizer<PortalText> text) : PageModel
{
    public const int PageSize = 25;

    [FromRoute] public string Key { get; set; } = "";
    // From the query on GET and from hidden fields on POST, so a command returns to the same filtered page.
    [BindProperty(SupportsGet = true, Name = "versi")] public int? Version { get; set; }
    [BindProperty(SupportsGet = true, Name = "node")] public string? Node { get; set; }
    [BindProperty(SupportsGet = true, Name = "halaman")] public int PageNumber { get; set; } = 1;

    public IReadOnlyList<VersionCount> Versions { get; private set; } = [];
    public IReadOnlyList<NodeCount> Nodes { get; private set; } = [];
    public IReadOnlyList<Row> Instances { get; private set; } = [];
    public int Total { get; private set; }
    public int Pages => Math.Max(1, (Total + PageSize - 1) / PageSize);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        var definitions = await designs.VersionsAsync(Key, ct);
        if (definitions.Count == 0)
            return NotFound();
        var perVersion = await instances.LoadPerVersionAsync(Key, ct);
        Versions = definitions.Select(d => perVersion.FirstOrDefault(v => v.DefinitionId == d.DefinitionId) is { } c
            ? new VersionCount(d.Version, d.DefinitionId, c.Running, c.Suspended)
            : new VersionCount(d.Version, d.DefinitionId, 0, 0)).ToList();

        var definitionId = definitions.FirstOrDefault(d => d.Version == Version)?.DefinitionId;
        var nodes = new List<NodeCount>();
        foreach (var count in await instances.WaitCountsAsync(Key, definitionId, ct))
        {
            var model = await queries.ModelAsync(count.DefinitionId, ct);
            var version = definitions.First(d => d.DefinitionId == count.DefinitionId).Version;
            nodes.Add(new NodeCount(version, count.ActivityId, model.Nodes.GetValueOrDefault(count.ActivityId)?.Name, count.Instances));
        }
        Nodes = nodes.OrderByDescending(n => n.Version).ThenByDescending(n => n.Count).ThenBy(n => n.ActivityId, StringComparer.Ordinal).ToList();

        var filter = new RunningFilter { ProcessKey = Key, DefinitionId = definitionId, ActivityId = string.IsNullOrEmpty(Node) ? null : Node };
        Total = await instances.CountRunningAsync(filter, ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var page = await instances.RunningPageAsync(filter, (PageNumber - 1) * PageSize, PageSize, ct);
        Instances = page.Select(i => new Row(i.Id, i.BusinessKey, definitions.First(d => d.DefinitionId == i.DefinitionId).Version, i.StartedAt, i.Suspended,
            i.ActivityIds, i.Incidents.Select(x => new IncidentView(x.Id, x.ActivityId, x.Message)).ToList())).ToList();
        return Page();
    }

    public Task<IActionResult> OnPostSuspendAsync(string instanceId, string? reason, CancellationToken ct) =>
        RunAsync(reason, required: true, "Operations.Suspended", () => engine.SuspendAsync(instanceId, reason!, Actor, ct));

    public Task<IActionResult> OnPostResumeAsync(string instanceId, string? reason, CancellationToken ct) =>
        RunAsync(reason, required: false, "Operations.Resumed", () => engine.ResumeAsync(instanceId, reason, Actor, ct));

    public Task<IActionResult> OnPostCancelAsync(string instanceId, string? reason, CancellationToken ct) =>
        RunAsync(reason, required: true, "Operations.Cancelled", () => engine.CancelAsync(instanceId, reason!, Actor, ct));

    public Task<IActionResult> OnPostRetryIncidentAsync(string incidentId, CancellationToken ct) =>
        RunAsync(null, required: false, "Operations.Retried", () => engine.RetryIncidentAsync(incidentId, Actor, ct));

    private string Actor => User.Identity!.Name!;

    private async Task<IActionResult> RunAsync(string? reason, bool required, string doneText, Func<Task> command)
    {
        if (required && string.IsNullOrWhiteSpace(reason))
            TempData[ErrorKey] = text["Operations.ReasonRequired"].Value;
        else if (reason is { Length: > WorkflowEngine.OperationReasonMaxLength })
            TempData[ErrorKey] = string.Format(text["Operations.ReasonTooLong"].Value, WorkflowEngine.OperationReasonMaxLength);
        else
        {
            try
            {
                await command();
                TempData["Notice"] = text[doneText].Value;
            }
            catch (WorkflowException ex)
            {
                TempData[ErrorKey] = string.Format(text["Operations.Failed"].Value, ex.Message);
            }
        }
        return RedirectToPage(new { key = Key, versi = Version, node = Node, halaman = PageNumber });
    }

    public const string ErrorKey = "OperationsError";

    public sealed record VersionCount(int Version, string DefinitionId, int Running, int Suspended);
    public sealed record NodeCount(int Version, string ActivityId, string? Name, int Count);
    public sealed record IncidentView(string Id, string ActivityId, string Message);
    public sealed record Row(string Id, string? BusinessKey, int Version, DateTime StartedAt, bool Suspended, IReadOnlyList<string> Nodes, IReadOnlyList<IncidentView> Incidents);
}
