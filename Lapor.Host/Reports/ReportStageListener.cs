using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Listeners;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Reports;

/// <summary>
/// Keeps a report in step with its process, inside the same transaction: its stage (the <c>stage</c> property of
/// the element the case waits at, or ended at) with a public timeline entry, and closing when the case is answered
/// or its process ends.
/// </summary>
public sealed class ReportStageListener(LaporDb db) : IInstanceListener
{
    public async Task OnChangedAsync(InstanceChange change, CancellationToken ct)
    {
        if (change.BusinessKey is null || !TrackingCode.TryParse(change.BusinessKey, out var code))
            return;
        var report = db.Reports.Local.FirstOrDefault(r => r.TrackingCode == code)
                     ?? await db.Reports.FirstOrDefaultAsync(r => r.TrackingCode == code, ct);
        if (report is null)
            return;

        var ended = change.Status != InstanceStatus.Active;
        var stageNode = ended
            ? change.Completed.LastOrDefault(n => n is EndEvent && n.Properties.ContainsKey(LaporProcess.StageProperty))
            : change.WaitingAt.LastOrDefault(n => n.Properties.ContainsKey(LaporProcess.StageProperty));
        if (stageNode?.Properties[LaporProcess.StageProperty] is { Length: > 0 } stage && stage != report.Stage)
            report.MoveToStage(stage, stage, change.At);

        var answered = change.WaitingAt.Any(n => n.Properties.GetValueOrDefault(LaporProcess.ReportStatusProperty) == "closed");
        if ((ended || answered) && report.Status == ReportStatus.Open)
            report.Close(change.At);
    }
}
