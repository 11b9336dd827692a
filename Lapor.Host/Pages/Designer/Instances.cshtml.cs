using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Designer;

/// <summary>
/// Kasus berjalan of one process: counts per version and node, a page of running instances, and the operator's
/// commands on them (suspend, resume, cancel with a reason; retry an incident). Coordinators and administrators only
/// (the folder's convention).
/// </summary>
public sealed class InstancesModel(LaporDb db, WorkflowEngine engine, ProcessQueries queries, IStringLocalizer<PortalText> text) : PageModel
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
        var definitions = await db.Set<ProcessDefinitionRow>().AsNoTracking().Where(d => d.Key == Key)
            .OrderByDescending(d => d.Version).Select(d => new { d.Id, d.Version }).ToListAsync(ct);
        if (definitions.Count == 0)
            return NotFound();
        var running = db.Set<ProcessInstanceRow>().AsNoTracking().Where(i => i.DefinitionKey == Key && i.Status == InstanceStatus.Active);
        var perVersion = await running.GroupBy(i => i.DefinitionId)
            .Select(g => new { g.Key, Count = g.Count(), Suspended = g.Count(i => i.Suspended) }).ToListAsync(ct);
        Versions = definitions.Select(d => perVersion.FirstOrDefault(v => v.Key == d.Id) is { } c
            ? new VersionCount(d.Version, d.Id, c.Count, c.Suspended)
            : new VersionCount(d.Version, d.Id, 0, 0)).ToList();

        var definitionId = definitions.FirstOrDefault(d => d.Version == Version)?.Id;
        if (definitionId is not null)
            running = running.Where(i => i.DefinitionId == definitionId);
        var positions =
            from e in db.Set<ExecutionRow>().AsNoTracking()
            join i in running on e.InstanceId equals i.Id
            select new { i.DefinitionId, e.ActivityId, e.InstanceId };
        var counts = await positions.GroupBy(p => new { p.DefinitionId, p.ActivityId })
            .Select(g => new { g.Key.DefinitionId, g.Key.ActivityId, Count = g.Select(p => p.InstanceId).Distinct().Count() }).ToListAsync(ct);
        var nodes = new List<NodeCount>();
        foreach (var count in counts)
        {
            var model = await queries.ModelAsync(count.DefinitionId, ct);
            var version = definitions.First(d => d.Id == count.DefinitionId).Version;
            nodes.Add(new NodeCount(version, count.ActivityId, model.Nodes.GetValueOrDefault(count.ActivityId)?.Name, count.Count));
        }
        Nodes = nodes.OrderByDescending(n => n.Version).ThenByDescending(n => n.Count).ThenBy(n => n.ActivityId, StringComparer.Ordinal).ToList();

        if (!string.IsNullOrEmpty(Node))
            running = running.Where(i => db.Set<ExecutionRow>().Any(e => e.InstanceId == i.Id && e.ActivityId == Node));
        Total = await running.CountAsync(ct);
        PageNumber = Math.Clamp(PageNumber, 1, Pages);
        var page = await running.OrderByDescending(i => i.StartedAt).ThenBy(i => i.Id)
            .Skip((PageNumber - 1) * PageSize).Take(PageSize).ToListAsync(ct);
        var ids = page.Select(i => i.Id).ToList();
        var waits = (await db.Set<ExecutionRow>().AsNoTracking().Where(e => ids.Contains(e.InstanceId)).ToListAsync(ct)).ToLookup(e => e.InstanceId);
        var incidents = (await db.Set<IncidentRow>().AsNoTracking().Where(x => ids.Contains(x.InstanceId)).ToListAsync(ct)).ToLookup(x => x.InstanceId);
        Instances = page.Select(i => new Row(i.Id, i.BusinessKey, definitions.First(d => d.Id == i.DefinitionId).Version, i.StartedAt, i.Suspended,
            waits[i.Id].Select(e => e.ActivityId).Distinct().Order(StringComparer.Ordinal).ToList(),
            incidents[i.Id].Select(x => new IncidentView(x.Id, x.ActivityId, x.Message)).ToList())).ToList();
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
