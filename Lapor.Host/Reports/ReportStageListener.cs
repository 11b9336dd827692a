using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Listeners;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Reports;

/// <summary>
/// Keeps a report in step with its process, inside the same transaction. What happens to the report is said in the
/// process file, so a coordinator can change it in the designer:
/// <list type="bullet">
/// <item><c>stage</c> is the citizen-readable stage: of a boundary event this command passed (so each way into the same
/// step, e.g. a passed deadline or too many forwards, says why), else of a wait this command entered, else of the
/// end event the case ended at. A wait the case merely stays at sets nothing, so a reminder firing beside it does
/// not overwrite what the boundary said;</item>
/// <item><c>reportAction</c> on a completed element: <c>dispose</c> (to variable <c>agency</c>), <c>forward</c>
/// (to <c>forwardTo</c>, with <c>forwardReason</c>), <c>respond</c> (publishes variable <c>response</c>), <c>ask</c>
/// (publishes a question to the reporter from the variable named by property <c>reportText</c>, default
/// <c>question</c>), <c>explain</c> (publishes why, e.g. an archive reason, from <c>reportText</c>, default
/// <c>reason</c>; nothing when empty);</item>
/// <item><c>reportStatus=awaiting-confirmation</c> on a waiting element: the report waits for its reporter to confirm or
/// reopen (versions published before carry <c>closed</c> there, read the same way, since a report whose process still
/// runs is not closed); leaving such a wait without a reopen makes it open again;</item>
/// <item>the end of the process closes the report.</item>
/// </list>
/// A report change the domain refuses (e.g. a forward without a reason) refuses the whole command.
/// </summary>
public sealed class ReportStageListener(LaporDb db, IStringLocalizer<PortalText> text) : IInstanceListener
{
    public const string ActionProperty = "reportAction";
    public const string TextProperty = "reportText";

    public async Task OnChangedAsync(InstanceChange change, CancellationToken ct)
    {
        if (change.BusinessKey is null || !TrackingCode.TryParse(change.BusinessKey, out var code))
            return;
        var report = db.Reports.Local.FirstOrDefault(r => r.TrackingCode == code)
                     ?? await db.Reports.FirstOrDefaultAsync(r => r.TrackingCode == code, ct);
        // A duplicate's process was cancelled when it was joined to its primary; the report follows the primary now.
        if (report is null || report.IsDuplicate)
            return;
        // A report whose process starts in this command learns its instance in the command's own save.
        if (report.ProcessInstanceId is null)
            report.AttachProcess(change.ProcessInstanceId);

        foreach (var node in change.Completed)
            if (node.Properties.GetValueOrDefault(ActionProperty) is { } action)
                Apply(report, action, node, change);

        var ended = change.Status != InstanceStatus.Active;
        if (StageOf(change, ended) is { Length: > 0 } stage && stage != report.Stage)
            report.MoveToStage(stage, stage, change.At);

        var awaiting = change.WaitingAt.Any(n => n.Properties.GetValueOrDefault(LaporProcess.ReportStatusProperty)
            is LaporProcess.AwaitingConfirmation or LaporProcess.LegacyClosed);
        if (ended && report.Status != ReportStatus.Closed)
            report.Close(change.At);
        else if (!ended && awaiting && report.Status == ReportStatus.Open)
            report.AwaitConfirmation(change.At);
        else if (!ended && !awaiting)
            report.ResumeHandling();
    }

    private static string? StageOf(InstanceChange change, bool ended)
    {
        static bool HasStage(FlowNode n) => n.Properties.ContainsKey(LaporProcess.StageProperty);
        var node = ended
            ? change.Completed.LastOrDefault(n => n is EndEvent && HasStage(n))
            : change.Completed.LastOrDefault(n => n is BoundaryEvent && HasStage(n))
              ?? change.WaitingAt.LastOrDefault(n => HasStage(n) && change.Entered.Contains(n));
        return node?.Properties[LaporProcess.StageProperty];
    }

    private void Apply(Report report, string action, FlowNode node, InstanceChange change)
    {
        var actor = change.Actor ?? "system";
        string? Text(string name) => change.Variables.GetValueOrDefault(name)?.ToString();
        // The variable an element publishes is named by its reportText property, with a default per action.
        string? TextNamedBy(FlowNode element, string defaultVariable) => Text(element.Properties.GetValueOrDefault(TextProperty) ?? defaultVariable);
        var errors = action switch
        {
            "dispose" when report.ResponsibleAgencyCode is null => report.Dispose(Text("agency") ?? "", actor, change.At),
            "dispose" when report.ResponsibleAgencyCode != Text("agency") && Text("agency") is { } agency =>
                report.ForwardTo(agency, Text("escalationNote") ?? "Dialihkan oleh koordinator setelah eskalasi.", actor, change.At),
            "dispose" => [],
            "forward" => report.ForwardTo(Text("forwardTo") ?? "", Text("forwardReason"), actor, change.At),
            "respond" => report.AddPublicResponse(Text("response"), actor, change.At),
            "ask" => report.AskReporter(TextNamedBy(node, "question"), actor, change.At),
            // Optional at the process level: no text, no entry (the built-in verification form asks for one).
            "explain" when string.IsNullOrWhiteSpace(TextNamedBy(node, "reason")) => [],
            "explain" => report.Explain(TextNamedBy(node, "reason"), actor, change.At),
            _ => throw new WorkflowException($"Element '{node.Id}' has {ActionProperty}='{action}'; use dispose, forward, respond, ask or explain."),
        };
        if (errors.Count > 0)
            throw new WorkflowException(string.Join(" ", errors.Select(e => $"{e.Field}: {text.Message(e)}")), "InvalidRequestException");
    }
}
