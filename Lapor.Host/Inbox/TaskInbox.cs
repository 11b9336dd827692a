using System.Security.Claims;
using Lapor.Domain.Reports;
using Lapor.Host.Accounts;
using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Inbox;

/// <summary>
/// The officers' task list. Who may see a task is part of the query itself (<see cref="VisibleTo"/>), so listing,
/// searching and the claim buttons share one rule and no page can show or act on another agency's task by mistake.
/// </summary>
/// <remarks>
/// The rule: a liaison officer of agency A sees tasks assigned to them and unassigned tasks whose candidate group is A;
/// a supervisor of A sees every task with group A or "A-supervisor", claimed or not; coordinators, administrators and
/// auditors see every open task (the auditor read-only, see <see cref="MayAct"/>); anyone else sees nothing.
/// </remarks>
public sealed partial class TaskInbox(LaporDb db, TaskQuery tasks, BusinessCalendar calendar, TimeProvider clock, LongInboxes longInboxes)
{
    public const int MaxPageSize = 100;

    /// <summary>The engine's delegation state while the delegatee still holds the task (Camunda's wording).</summary>
    public const string DelegationPending = DelegationStates.Pending;

    /// <summary>The roles the /Tugas folder admits, comma-separated as AuthorizeAttribute.Roles wants them.</summary>
    public const string StaffRoles =
        Roles.LiaisonOfficer + "," + Roles.AgencySupervisor + "," + Roles.Coordinator + "," + Roles.Administrator + "," + Roles.Auditor
        + "," + Roles.Ombudsman;

    /// <summary>
    /// The candidate group that lets the Ombudsman watch a task, read-only: the process file puts it on escalations, so
    /// what counts as "escalated" is the coordinators' decision in the designer, not code.
    /// </summary>
    public const string OmbudsmanGroup = "ombudsman";

    /// <summary>Whether the menu shows the inbox; the folder's authorization is what enforces it.</summary>
    public static bool IsStaff(ClaimsPrincipal user) => MayAct(user) || user.IsInRole(Roles.Auditor) || user.IsInRole(Roles.Ombudsman);

    public async Task<InboxPage> ForUserAsync(ClaimsPrincipal user, InboxFilter filter, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow();
        var visible = VisibleTo(user);
        var query = Narrowed(visible, user, filter, now);

        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, filter.Page);
        // The filter's choices count the visible tasks by kind; unfiltered, that is the total too (one read of the
        // visible tasks instead of two). Counting stops at CountedUpTo: past it the page says "of N+", and a coordinator's
        // visit at a million reports no longer reads every open task of the province.
        var kinds = await KindsAsync(user, visible, ct);
        var sorted = query.OrderBy(OrderOf(filter.Sort));
        var (found, total, more) = Narrows(filter)
            ? await sorted.CountedPageAsync((page - 1) * pageSize, pageSize, CountedUpTo, ct)
            : new TaskPageUpTo(await sorted.PageAsync((page - 1) * pageSize, pageSize, kinds.More ? null : kinds.Count, ct), kinds.Count, kinds.More);

        // The reports of this page only, in a second query: at most a page's worth of instance ids.
        var instanceIds = found.Select(t => t.InstanceId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => r.ProcessInstanceId != null && instanceIds.Contains(r.ProcessInstanceId))
            .Select(r => new { r.ProcessInstanceId, r.Title, r.TrackingCode, r.Stage })
            .ToListAsync(ct);
        var byInstance = reports.ToDictionary(r => r.ProcessInstanceId!);

        var rows = found.Select(t =>
        {
            var report = byInstance.GetValueOrDefault(t.InstanceId);
            DateTimeOffset? due = t.Due is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null;
            DateTimeOffset? followUp = t.FollowUp is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null;
            return new InboxRow(t.Id, t.Name, t.TaskDefinitionKey, report?.Title, report?.TrackingCode.ToString(), report?.Stage,
                t.Assignee, due, due is { } at ? calendar.WorkingDaysBetween(now, at) : null, due < now, t.Priority, followUp,
                t.Owner, t.DelegationState == DelegationPending);
        }).ToList();
        return new InboxPage(rows, page, pageSize, total, kinds.Kinds, more);
    }

    /// <summary>The inbox's kinds and count; not counted again for a while once it was seen longer than it counts.</summary>
    private async Task<TaskKindsUpTo> KindsAsync(ClaimsPrincipal user, TaskList visible, CancellationToken ct)
    {
        if (user.Identity?.Name is not { } name)
            return await visible.KindsAsync(CountedUpTo, ct);
        if (longInboxes.IsLong(name))
            return await visible.LongerThanAsync(CountedUpTo, ct);
        var kinds = await visible.KindsAsync(CountedUpTo, ct);
        longInboxes.Counted(name, kinds.More);
        return kinds;
    }

    /// <summary>How far an inbox counts its tasks: beyond it, 25 to a page, the pager says "Halaman 1 dari 10+".</summary>
    public const int CountedUpTo = TaskList.SortedWhole;

    /// <summary>The task if this user may see it; null both for unknown ids and for other agencies' tasks (no existence leak).</summary>
    public Task<TaskDetails?> FindVisibleAsync(ClaimsPrincipal user, string taskId, CancellationToken ct = default) =>
        VisibleTo(user).FindAsync(taskId, ct);

    /// <summary>Staff who may claim and unclaim; the auditor reads the same list but changes nothing.</summary>
    public static bool MayAct(ClaimsPrincipal user) =>
        user.IsInRole(Roles.LiaisonOfficer) || user.IsInRole(Roles.AgencySupervisor)
        || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Administrator);

    /// <summary>Who may take a task away from its assignee: the assignee, and the people who run a queue.</summary>
    public static bool MayUnclaim(ClaimsPrincipal user, string? assignee) =>
        assignee is not null && MayAct(user) && (assignee == user.Identity?.Name
            || user.IsInRole(Roles.AgencySupervisor) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Administrator));

    /// <summary>
    /// The open tasks this user may see, as a list to add conditions to. The one place the rule lives: the inbox, the
    /// notifications and the hand-over all start here.
    /// </summary>
    public TaskList VisibleTo(ClaimsPrincipal user)
    {
        var open = tasks.Open();
        if (user.Identity?.IsAuthenticated != true || user.Identity.Name is not { } userName)
            return open.VisibleTo(new TaskAudience());
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Auditor))
            return open;

        // Read-only (MayAct is false for the role): only tasks the process offers to the Ombudsman's group.
        if (user.IsInRole(Roles.Ombudsman) && !MayAct(user))
            return open.VisibleTo(new TaskAudience { Groups = [OmbudsmanGroup] });

        // Roles.RequiresAgency makes this claim mandatory for both roles below; without it the user sees only their own.
        var agency = user.FindFirstValue(LaporClaimTypes.Agency);
        if (user.IsInRole(Roles.AgencySupervisor) && !string.IsNullOrEmpty(agency))
            return open.VisibleTo(new TaskAudience { Groups = [agency, agency + "-supervisor"], User = userName });
        if (user.IsInRole(Roles.LiaisonOfficer) && !string.IsNullOrEmpty(agency))
            return open.VisibleTo(new TaskAudience { UnclaimedGroups = [agency], User = userName });
        return open.VisibleTo(new TaskAudience());
    }
}
