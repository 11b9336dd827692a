using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Reports;

/// <summary>
/// What the holder of a tracking code may do: reply with more data, confirm (with an optional rating) and reopen.
/// Each changes the report and tells its process in ONE transaction; when the process is not waiting for that
/// (e.g. a reply while nothing was asked), the action is refused with a clear message and nothing changes.
/// </summary>
public sealed class ReporterActions(LaporDb db, WorkflowEngine engine, ProcessQueries queries, InstanceQuery instances, TimeProvider clock)
{
    public Task<IReadOnlyList<FieldError>> ReplyAsync(string code, string? text, CancellationToken ct = default) =>
        ActAsync(code, LaporProcess.ReporterReplied, (report, now) => report.AddReporterReply(text, now),
            new() { ["reply"] = TypedValue.From(text) }, ct);

    public Task<IReadOnlyList<FieldError>> ConfirmAsync(string code, int? stars, string? comment, CancellationToken ct = default) =>
        ActAsync(code, LaporProcess.ReporterConfirmed,
            (report, now) => stars is { } s ? report.Rate(s, comment, now) : [],
            new() { ["rating"] = TypedValue.From(stars) }, ct);

    public Task<IReadOnlyList<FieldError>> ReopenAsync(string code, string? reason, CancellationToken ct = default) =>
        ActAsync(code, LaporProcess.ReportReopened, (report, now) => report.Reopen(reason, now),
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

    private async Task<IReadOnlyList<FieldError>> ActAsync(string code, string message,
        Func<Report, DateTimeOffset, IReadOnlyList<FieldError>> change, Dictionary<string, TypedValue> variables, CancellationToken ct)
    {
        var report = await FindAsync(code, ct);
        if (report?.ProcessInstanceId is not { } instanceId)
            return [ReportMessages.ForField("Code", ReportMessages.UnknownCode)];
        if (!(await AvailableAsync(report, ct)).Contains(message))
            return [new FieldError("Action", "Actions.NotPossibleNow")];

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
