using Lapor.Host.Localization;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Migration;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Scheduling;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;
using Quartz;

namespace Lapor.Host.Pages.Designer;

/// <summary>
/// Migrasi kasus: pick a source and target version, edit the activity mapping (prefilled with the default), dry run,
/// then execute as a batch whose progress the page polls. Coordinators and administrators only (the folder's convention).
/// </summary>
public sealed class MigrateModel(WorkflowEngine engine, ProcessDesigns designs, ProcessQueries queries, InstanceQuery instances, MigrationBatches batches,
    ISchedulerFactory schedulers, IStringLocalizer<PortalText> text, ILogger<MigrateModel> log) : PageModel
{
    [FromRoute] public string Key { get; set; } = "";
    [BindProperty(SupportsGet = true, Name = "dari")] public int? SourceVersion { get; set; }
    [BindProperty(SupportsGet = true, Name = "ke")] public int? TargetVersion { get; set; }
    [BindProperty(SupportsGet = true, Name = "batch")] public string? BatchId { get; set; }

    /// <summary>Source activity id → target activity id ("" = no mapping), as posted by the mapping table.</summary>
    [BindProperty] public Dictionary<string, string?> Map { get; set; } = [];

    /// <summary>The cases chosen in the dry run's list (instance ids), for a migration of only those.</summary>
    [BindProperty(Name = "kasus")] public List<string> Selected { get; set; } = [];

    /// <summary>The one case whose own button was pressed: only it moves, whatever else is ticked.</summary>
    [BindProperty(Name = "satu")] public string? One { get; set; }

    public IReadOnlyList<VersionChoice> Versions { get; private set; } = [];
    public IReadOnlyList<FlowNode> SourceNodes { get; private set; } = [];
    public IReadOnlyList<FlowNode> TargetNodes { get; private set; } = [];
    public MigrationReport? Report { get; private set; }
    public MigrationBatch? Batch { get; private set; }
    public IReadOnlyList<FailureRow> Failures { get; private set; } = [];
    public IReadOnlyList<MigrationBatch> RecentBatches { get; private set; } = [];
    public string? Error { get; private set; }

    /// <summary>Step names of the source and target versions, for positions and reasons in words.</summary>
    public StepNames Names { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (Source is not null && Target is not null)
            Map = (await engine.DefaultMigrationInstructionsAsync(Source.DefinitionId, Target.DefinitionId, ct)).ToDictionary(i => i.SourceActivityId, i => (string?)i.TargetActivityId);
        if (BatchId is not null)
            Batch = await batches.FindAsync(BatchId, ct);
        if (Batch is not null)
            Failures = await FailuresAsync(Batch, ct);
        return Page();
    }

    public async Task<IActionResult> OnPostDryRunAsync(CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (PlanOrError() is { } plan)
            Report = await engine.DryRunMigrationAsync(plan, ct);
        return Page();
    }

    /// <summary>Every running case of the source version.</summary>
    public Task<IActionResult> OnPostExecuteAsync(CancellationToken ct) => ExecuteAsync(null, ct);

    /// <summary>Only the cases ticked in the dry run's list (or the one whose own button was pressed).</summary>
    public async Task<IActionResult> OnPostExecuteSelectedAsync(CancellationToken ct)
    {
        var chosen = One is { Length: > 0 } one ? [one] : Selected.Where(id => !string.IsNullOrWhiteSpace(id)).Distinct().ToList();
        if (chosen.Count > 0)
            return await ExecuteAsync(chosen, ct);
        if (!await LoadAsync(ct))
            return NotFound();
        Error = text["Migration.NoneSelected"].Value;
        return Page();
    }

    private async Task<IActionResult> ExecuteAsync(IReadOnlyCollection<string>? chosen, CancellationToken ct)
    {
        if (!await LoadAsync(ct))
            return NotFound();
        if (PlanOrError() is not { } plan)
            return Page();
        try
        {
            var batch = await batches.StartAsync(plan, User.Identity!.Name!, chosen, ct);
            await StartSweepNowAsync(ct);
            TempData["Notice"] = string.Format(text["Migration.BatchStarted"].Value, batch.Total);
            return RedirectToPage(new { key = Key, dari = SourceVersion, ke = TargetVersion, batch = batch.Id });
        }
        catch (WorkflowException ex)
        {
            // A chosen case that no longer runs on the source version (moved or ended since the dry run).
            Error = chosen is not null && ex.Type == "InvalidRequestException" ? text["Migration.NotOnSource"].Value : ex.Message;
            return Page();
        }
    }

    /// <summary>Progress for the page's poll: small JSON, no HTML.</summary>
    public async Task<IActionResult> OnGetProgressAsync(string id, CancellationToken ct)
    {
        var batch = await batches.FindAsync(id, ct);
        if (batch is null || batch.ProcessKey != Key)
            return NotFound();
        return new JsonResult(new
        {
            id = batch.Id, state = batch.State.ToString(), stateText = StateText(batch.State), batch.Total, batch.Done, batch.Failed, batch.Position,
            failures = await FailuresAsync(batch, ct),
        });
    }

    /// <summary>The cases a batch could not move: report code and reasons in the visitor's language.</summary>
    public async Task<IReadOnlyList<FailureRow>> FailuresAsync(MigrationBatch batch, CancellationToken ct)
    {
        var failures = batch.Failures;
        if (failures.Count == 0)
            return [];
        if (batch.SourceDefinitionId != Source?.DefinitionId || batch.TargetDefinitionId != Target?.DefinitionId)
            Names = new StepNames(await queries.ModelAsync(batch.SourceDefinitionId, ct), await queries.ModelAsync(batch.TargetDefinitionId, ct));
        var ids = failures.Select(f => f.InstanceId).ToList();
        var codes = await instances.BusinessKeysAsync(ids, ct);
        return failures.Select(f => new FailureRow(f.InstanceId, codes.GetValueOrDefault(f.InstanceId) ?? f.InstanceId,
            f.Reasons is { Count: > 0 } reasons ? string.Join("; ", reasons.Select(Reason)) : f.Message)).ToList();
    }

    /// <summary>Where a case waits, in step names.</summary>
    public string Position(InstanceMigrationCheck check) => string.Join(", ", check.ActivityIds.Select(Names.Of));

    /// <summary>Why a case cannot move, in the visitor's language and with step names.</summary>
    public string Reason(MigrationReason reason) =>
        Names.Format(text, "Migration.Reason." + reason.Code, reason.Arguments) ?? reason.Message;

    public string StateText(MigrationBatchState state) =>
        text[state == MigrationBatchState.Running ? "Migration.StateRunning" : "Migration.StateCompleted"].Value;

    private ProcessVersion? Source { get; set; }
    private ProcessVersion? Target { get; set; }

    private async Task<bool> LoadAsync(CancellationToken ct)
    {
        var definitions = await designs.VersionsAsync(Key, ct);
        if (definitions.Count == 0)
            return false;
        var running = await instances.LoadPerVersionAsync(Key, ct);
        Versions = definitions.Select(d => new VersionChoice(d.Version, running.FirstOrDefault(r => r.DefinitionId == d.DefinitionId)?.Running ?? 0)).ToList();
        TargetVersion ??= definitions[0].Version;
        // By default, the newest older version that still has running cases.
        SourceVersion ??= definitions.Where(d => d.Version < TargetVersion).FirstOrDefault(d => running.Any(r => r.DefinitionId == d.DefinitionId))?.Version
                          ?? definitions.FirstOrDefault(d => d.Version < TargetVersion)?.Version ?? TargetVersion;
        Source = definitions.FirstOrDefault(d => d.Version == SourceVersion);
        Target = definitions.FirstOrDefault(d => d.Version == TargetVersion);
        if (Source is not null && Target is not null)
        {
            var source = await queries.ModelAsync(Source.DefinitionId, ct);
            var target = await queries.ModelAsync(Target.DefinitionId, ct);
            SourceNodes = Waits(source);
            TargetNodes = Waits(target);
            Names = new StepNames(source, target);
        }
        RecentBatches = await batches.ListAsync(Key, ct: ct);
        return true;
    }

    private static List<FlowNode> Waits(ProcessModel model) =>
        model.Nodes.Values.Where(n => MigrationPlanner.CanWaitAt(model, n)).OrderBy(n => n.ScopeId ?? "").ThenBy(n => n.Name ?? n.Id).ToList();

    private MigrationPlan? PlanOrError()
    {
        if (Source is null || Target is null)
        {
            Error = text["Migration.PickVersions"].Value;
            return null;
        }
        if (Source.DefinitionId == Target.DefinitionId)
        {
            Error = text["Migration.SameVersion"].Value;
            return null;
        }
        var instructions = Map.Where(m => !string.IsNullOrWhiteSpace(m.Value))
            .Select(m => new MigrationInstruction(m.Key, m.Value!)).ToList();
        return new MigrationPlan(Source.DefinitionId, Target.DefinitionId, instructions);
    }

    /// <summary>The sweep runs at start-up and every interval anyway; triggering it now spares the operator the wait.</summary>
    private async Task StartSweepNowAsync(CancellationToken ct)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(ct);
            await scheduler.TriggerJob(SweepMigrationBatches.Key, ct);
        }
        catch (SchedulerException ex)
        {
            log.LogWarning(ex, "Could not trigger the migration sweep; the periodic run will pick the batch up");
        }
    }

    public sealed record VersionChoice(int Version, int Running);

    public sealed record FailureRow(string InstanceId, string Code, string Text);
}
