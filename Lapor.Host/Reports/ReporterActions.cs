using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Reports;

/// <summary>
/// What the holder of a tracking code may do: reply with more data, confirm (with an optional rating) and reopen.
/// Each changes the report and tells its process in ONE transaction; when the process is not waiting for that
/// (e.g. a reply while nothing was asked), the action is refused with a clear message and nothing changes.
/// </summary>
public sealed class ReporterActions(LaporDb db, WorkflowEngine engine, ProcessQueries queries, InstanceQuery instances, TimeProvider clock, IStringLocalizer<PortalText> text)
{
    public Task<IReadOnlyList<FieldError>> ReplyAsync(string code, string? text, string culture, CancellationToken ct = default) =>
        ActAsync(code, LaporProcess.ReporterReplied, culture, (report, now) => report.AddReporterReply(text, now, culture),
            new() { ["reply"] = TypedValue.From(text) }, ct);

    public Task<IReadOnlyList<FieldError>> ConfirmAsync(string code, int? stars, string? comment, string culture, CancellationToken ct = default) =>
        ActAsync(code, LaporProcess.ReporterConfirmed, culture,
            (report, now) => stars is { } s ? report.Rate(s, comment, now, culture) : [],
            new() { ["rating"] = TypedValue.From(stars) }, ct);

    public Task<IReadOnlyList<FieldError>> ReopenAsync(string code, string? reason, string culture, CancellationToken ct = default) =>
        ActAsync(code, LaporProcess.ReportReopened, culture, (report, now) => report.Reopen(reason, now, culture),
            new() { ["reopenReason"] = TypedValue.From(reason) }, ct);

    /// <summary>The messages the report's process waits for now: the actions a page should offer.</summary>
    public async Task<IReadOnlySet<string>> AvailableAsync(string code, CancellationToken ct = default) =>
        await AvailableAsync(await FindAsync(code, ct), ct);

    private async Task<IReadOnlySet<string>> AvailableAsync(Report? report, CancellationToken ct)
    {
        if (report?.ProcessInstanceId is not { } instanceId)
            return new HashSet<string>();
        var positions = await queries.PositionsAsync(instanceId, ct);
        var waitingAt = positions.Select(p => p.ActivityId).ToHashSet();
        var model = await queries.ModelAsync(await DefinitionOfAsync(instanceId, ct), ct);
        // A message is expected when a waiting element (or the event after a waiting gateway) catches it.
        var catching = model.Nodes.Values.OfType<Lapor.Workflows.Definitions.IntermediateCatchEvent>()
            .Where(e => e.MessageName is not null && model.Incoming(e.Id).Any(f => waitingAt.Contains(f.SourceId) || waitingAt.Contains(e.Id)))
            .Select(e => e.MessageName!);
        return catching.ToHashSet();
    }

    private async Task<IReadOnlyList<FieldError>> ActAsync(string code, string message, string culture,
        Func<Report, DateTimeOffset, IReadOnlyList<FieldError>> change, Dictionary<string, TypedValue> variables, CancellationToken ct)
    {
        var report = await FindAsync(code, ct);
        if (report?.ProcessInstanceId is not { } instanceId)
            return [new FieldError("Code", ReportMessages.Format(ReportMessages.UnknownCode, culture, ReportMessages.Label("Code", culture)))];
        if (!(await AvailableAsync(report, ct)).Contains(message))
            return [new FieldError("Action", CultureText.Get(text, "Actions.NotPossibleNow", culture))];

        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var errors = change(report, clock.GetUtcNow());
        if (errors.Count > 0)
            return errors;
        await db.SaveChangesAsync(ct);
        try
        {
            await engine.CorrelateAsync(new MessageCorrelation(message, ProcessInstanceId: instanceId, Variables: variables), "reporter", ct);
        }
        catch (WorkflowException)
        {
            db.ChangeTracker.Clear();
            throw;
        }
        await transaction.CommitAsync(ct);
        return [];
    }

    private Task<Report?> FindAsync(string input, CancellationToken ct) =>
        TrackingCode.TryParse(input, out var code)
            ? db.Reports.FirstOrDefaultAsync(r => r.TrackingCode == code, ct)
            : Task.FromResult<Report?>(null);

    private async Task<string> DefinitionOfAsync(string instanceId, CancellationToken ct) =>
        (await instances.FindAsync(instanceId, ct) ?? throw new InvalidOperationException($"Process instance '{instanceId}' does not exist.")).DefinitionId;
}
