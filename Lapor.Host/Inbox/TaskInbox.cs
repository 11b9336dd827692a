using System.Security.Claims;
using Lapor.Domain.Reports;
using Lapor.Host.Accounts;
using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Lapor.Workflows.Persistence;
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
public sealed partial class TaskInbox(LaporDb db, BusinessCalendar calendar, TimeProvider clock)
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
        var query = Narrowed(VisibleTo(user), user, filter, now);

        var pageSize = Math.Clamp(filter.PageSize, 1, MaxPageSize);
        var page = Math.Max(1, filter.Page);
        var total = await query.CountAsync(ct);
        var tasks = await Sorted(query, filter.Sort)
            .Skip((page - 1) * pageSize).Take(pageSize)
            .Select(t => new { t.Id, t.Name, t.TaskDefinitionKey, t.InstanceId, t.Assignee, t.Due, t.Priority, t.FollowUp, t.Owner, t.DelegationState })
            .ToListAsync(ct);

        // The reports of this page only, in a second query: at most a page's worth of instance ids.
        var instanceIds = tasks.Select(t => t.InstanceId).Distinct().ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => r.ProcessInstanceId != null && instanceIds.Contains(r.ProcessInstanceId))
            .Select(r => new { r.ProcessInstanceId, r.Title, r.TrackingCode, r.Stage })
            .ToListAsync(ct);
        var byInstance = reports.ToDictionary(r => r.ProcessInstanceId!);

        var rows = tasks.Select(t =>
        {
            var report = byInstance.GetValueOrDefault(t.InstanceId);
            DateTimeOffset? due = t.Due is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null;
            DateTimeOffset? followUp = t.FollowUp is { } f ? new DateTimeOffset(DateTime.SpecifyKind(f, DateTimeKind.Utc)) : null;
            return new InboxRow(t.Id, t.Name, t.TaskDefinitionKey, report?.Title, report?.TrackingCode.ToString(), report?.Stage,
                t.Assignee, due, due is { } at ? calendar.WorkingDaysBetween(now, at) : null, due < now, t.Priority, followUp,
                t.Owner, t.DelegationState == DelegationPending);
        }).ToList();
        return new InboxPage(rows, page, pageSize, total);
    }

    /// <summary>The task if this user may see it; null both for unknown ids and for other agencies' tasks (no existence leak).</summary>
    public Task<TaskRow?> FindVisibleAsync(ClaimsPrincipal user, string taskId, CancellationToken ct = default) =>
        VisibleTo(user).Include(t => t.Candidates).FirstOrDefaultAsync(t => t.Id == taskId, ct);

    /// <summary>Staff who may claim and unclaim; the auditor reads the same list but changes nothing.</summary>
    public static bool MayAct(ClaimsPrincipal user) =>
        user.IsInRole(Roles.LiaisonOfficer) || user.IsInRole(Roles.AgencySupervisor)
        || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Administrator);

    /// <summary>Who may take a task away from its assignee: the assignee, and the people who run a queue.</summary>
    public static bool MayUnclaim(ClaimsPrincipal user, string? assignee) =>
        assignee is not null && MayAct(user) && (assignee == user.Identity?.Name
            || user.IsInRole(Roles.AgencySupervisor) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Administrator));

    /// <summary>The kinds of task this user can see, for the filter; a handful, whatever the number of tasks.</summary>
    public async Task<IReadOnlyList<(string Key, string Name)>> TaskKindsAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var kinds = await VisibleTo(user).Select(t => new { t.TaskDefinitionKey, t.Name }).Distinct().ToListAsync(ct);
        return kinds.GroupBy(k => k.TaskDefinitionKey).Select(g => (g.Key, g.First().Name ?? g.Key)).OrderBy(k => k.Item2).ToList();
    }

    /// <summary>
    /// Ids of tasks offered to a group, as an <c>IN (…)</c> sub-query the database answers from the candidate index.
    /// A correlated <c>EXISTS</c> per task (what <c>Candidates.Any</c> becomes), or an OR with the assignee, read every
    /// task: 0.4–0.5 s for one page at 100k tasks. One id list (group's tasks + own tasks) lets it seek by key instead.
    /// </summary>
    private IQueryable<string> GroupTasks(string group, string otherGroup) =>
        db.Set<TaskCandidateRow>().Where(c => c.Kind == CandidateKind.Group && (c.Value == group || c.Value == otherGroup)).Select(c => c.TaskId);

    /// <summary>Tasks the user holds, and tasks they own but delegated: the owner must still see what comes back to them.</summary>
    private IQueryable<string> AssignedTo(string userName) =>
        db.Set<TaskRow>().Where(t => t.Assignee == userName).Select(t => t.Id)
            .Concat(db.Set<TaskRow>().Where(t => t.Owner == userName).Select(t => t.Id));

    /// <summary>
    /// The open tasks this user may see, as a query to add conditions to. The one place the rule lives: the inbox, the
    /// notifications and the hand-over all start here.
    /// </summary>
    public IQueryable<TaskRow> VisibleTo(ClaimsPrincipal user)
    {
        var tasks = db.Set<TaskRow>().AsNoTracking();
        if (user.Identity?.IsAuthenticated != true || user.Identity.Name is not { } userName)
            return tasks.Where(_ => false);
        if (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Auditor))
            return tasks;

        // Read-only (MayAct is false for the role): only tasks the process offers to the Ombudsman's group.
        if (user.IsInRole(Roles.Ombudsman) && !MayAct(user))
        {
            var watched = db.Set<TaskCandidateRow>().Where(c => c.Kind == CandidateKind.Group && c.Value == OmbudsmanGroup).Select(c => c.TaskId);
            return tasks.Where(t => watched.Contains(t.Id));
        }

        // Roles.RequiresAgency makes this claim mandatory for both roles below; without it the user sees only their own.
        var agency = user.FindFirstValue(LaporClaimTypes.Agency);
        if (user.IsInRole(Roles.AgencySupervisor) && !string.IsNullOrEmpty(agency))
        {
            var supervisors = agency + "-supervisor";
            var ids = GroupTasks(agency, supervisors).Concat(AssignedTo(userName));
            return tasks.Where(t => ids.Contains(t.Id));
        }
        if (user.IsInRole(Roles.LiaisonOfficer) && !string.IsNullOrEmpty(agency))
        {
            // The unassigned condition sits inside the id list: a condition on the outer rows would let the planner
            // walk every unassigned task instead of seeking the listed ones.
            var unassignedOfGroup =
                from c in db.Set<TaskCandidateRow>()
                where c.Kind == CandidateKind.Group && c.Value == agency
                join t in db.Set<TaskRow>() on c.TaskId equals t.Id
                where t.Assignee == null
                select t.Id;
            var ids = unassignedOfGroup.Concat(AssignedTo(userName));
            return tasks.Where(t => ids.Contains(t.Id));
        }
        return tasks.Where(_ => false);
    }
}
