using System.Security.Claims;
using Lapor.Domain.Reports;
using Lapor.Host.Accounts;
using Lapor.Host.Data;
using Lapor.Host.Inbox;
using Lapor.Host.Localization;
using Lapor.Host.Tasks;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.SimilarReports;

/// <summary>
/// The task page's likely duplicates and "Tautkan sebagai duplikat" (decision 022): the task's report is joined to a
/// primary report the officer also handles; its process ends with the reason "Digabung dengan LPR-…" and from then on
/// it follows the primary (<see cref="DuplicateFollower"/>). One transaction: the link, both timeline entries, the
/// instance's cancellation in its history and a row in the engine's user-operation log; anything refused changes nothing.
/// </summary>
public sealed class DuplicateLinks(
    LaporDb db,
    TaskInbox inbox,
    SimilarReportFinder finder,
    WorkflowEngine engine,
    OperationLog operations,
    TimeProvider clock)
{
    public const string Operation = "LinkDuplicate";
    public const string Field = "DuplicateOf";

    /// <summary>Who may link from this task: whoever may work on it or supervise it.</summary>
    public static bool MayLink(TaskPermissions may) => may.Work || may.Supervise;

    /// <summary>
    /// Whether <paramref name="user"/> handles <paramref name="primary"/> too: coordinators and administrators handle
    /// every report, agency staff the reports of their own agency. Nobody joins a report to another agency's case.
    /// </summary>
    public static bool Handles(ClaimsPrincipal user, Report primary) =>
        user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Administrator)
        || (user.FindFirstValue(LaporClaimTypes.Agency) is { Length: > 0 } agency && agency == primary.ResponsibleAgencyCode);

    /// <summary>Similar open public reports this user could join the task's report to; empty when the report is itself a duplicate.</summary>
    public async Task<IReadOnlyList<SimilarReport>> CandidatesAsync(ClaimsPrincipal user, Guid reportId, CancellationToken ct = default)
    {
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.Id == reportId, ct);
        if (report is null || report.IsDuplicate || report.Status == ReportStatus.Closed)
            return [];
        var similar = await finder.LikeAsync(report, ct);
        if (similar.Count == 0)
            return [];
        var codes = similar.Select(s => TrackingCode.Parse(s.TrackingCode)).ToList();
        var handled = (await db.Reports.AsNoTracking().Where(r => codes.Contains(r.TrackingCode)).ToListAsync(ct))
            .Where(r => Handles(user, r)).Select(r => r.TrackingCode.ToString()).ToHashSet();
        return similar.Where(s => handled.Contains(s.TrackingCode)).ToList();
    }

    public async Task<TaskActionResult> LinkAsync(ClaimsPrincipal user, string taskId, string? primaryCode, CancellationToken ct = default)
    {
        var task = await inbox.FindVisibleAsync(user, taskId, ct);
        if (task is null)
            return TaskActionResult.NotFound;
        if (!MayLink(TaskWorkspace.PermissionsOf(user, task)))
            return TaskActionResult.Forbidden;
        var duplicate = await db.Reports.FirstOrDefaultAsync(r => r.ProcessInstanceId == task.InstanceId, ct);
        if (duplicate?.ProcessInstanceId is not { } instanceId)
            return TaskActionResult.Invalid(Field, "Task.NoReport");
        var primary = TrackingCode.TryParse(primaryCode, out var code) ? await db.Reports.FirstOrDefaultAsync(r => r.TrackingCode == code, ct) : null;
        // The same answer for an unknown code and another agency's report: a code is no way to learn what exists.
        if (primary is null || (primary.Id != duplicate.Id && !Handles(user, primary)))
            return TaskActionResult.Invalid(Field, "Duplicates.NotYours", primaryCode ?? "");
        if (primary.Id != duplicate.Id && await db.Reports.AnyAsync(r => r.DuplicateOfId == duplicate.Id, ct))
            return TaskActionResult.Invalid(Field, "Duplicates.HasDuplicates", duplicate.TrackingCode.ToString());

        var actor = user.Identity!.Name!;
        var primaryText = primary.TrackingCode.ToString();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var errors = duplicate.JoinTo(primary, actor, clock.GetUtcNow());
        if (errors.Count > 0)
            return TaskActionResult.Invalid(errors);
        try
        {
            await db.SaveChangesAsync(ct);
            await engine.CancelAsync(instanceId, $"Digabung dengan {primaryText}", actor, ct);
            await operations.RecordAsync(Operation, actor, $"{duplicate.TrackingCode} -> {primaryText}",
                new { duplicate = duplicate.TrackingCode.ToString(), primary = primaryText, taskId, instanceId }, ct);
            await transaction.CommitAsync(ct);
            return TaskActionResult.Done;
        }
        catch (WorkflowException e)
        {
            db.ChangeTracker.Clear();
            return e is WorkflowConflictException
                ? TaskActionResult.Conflict("Task.Conflict", e.Message)
                : TaskActionResult.Invalid("", "Task.Refused", e.Message);
        }
    }
}
