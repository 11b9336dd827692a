using System.Security.Claims;
using Lapor.Domain.Reports;
using Lapor.Workflows.Queries;

namespace Lapor.Host.Inbox;

/// <summary>
/// The inbox's filters and orders. Each one is a condition added to the visible tasks' query, so the database does the
/// narrowing (no page is filtered in memory) and no combination of filters can show more than the user may see.
/// </summary>
public sealed partial class TaskInbox
{
    /// <summary>The end of "due soon": one working day from now, as the tab and the notifications both mean it.</summary>
    public DateTime DueSoonUntil(DateTimeOffset now) => calendar.AddWorkingDays(now, 1).UtcDateTime;

    /// <summary>Whether <paramref name="filter"/> leaves out any of the tasks the user may see (paging and order do not).</summary>
    private static bool Narrows(InboxFilter filter) =>
        filter with { Page = Everything.Page, PageSize = Everything.PageSize, Sort = Everything.Sort } != Everything;

    private static readonly InboxFilter Everything = new();

    private TaskList Narrowed(TaskList query, ClaimsPrincipal user, InboxFilter filter, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        // The category first: straight after the visibility it narrows the candidate groups themselves, so an officer's
        // tasks in one category are read from the candidates' index (TaskList.InCategory). Every report's instance is
        // started with its category, which a report never changes.
        if (!string.IsNullOrWhiteSpace(filter.Category))
            query = query.InCategory(filter.Category);
        switch (filter.View)
        {
            case InboxView.Mine:
                query = user.Identity?.Name is { } userName ? query.AssignedTo(userName) : query.VisibleTo(new TaskAudience());
                break;
            case InboxView.Unassigned:
                query = query.Unassigned();
                break;
            case InboxView.Overdue:
                query = query.DueBefore(nowUtc);
                break;
            case InboxView.DueSoon:
                query = query.DueBetween(nowUtc, DueSoonUntil(now));
                break;
        }
        if (!string.IsNullOrWhiteSpace(filter.TaskKey))
            query = query.OfKind(filter.TaskKey);
        if (filter.DueBy is { } day && day < DateOnly.MaxValue)
        {
            // "Due by Friday" includes Friday: everything before the next midnight in the calendar's zone.
            query = query.DueBefore(TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), calendar.Zone));
        }
        if (filter.CreatedAfter is { } since)
            query = query.CreatedAfter(since.UtcDateTime);
        query = ByReport(query, filter);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var lower = term.ToLower();
            // A pasted tracking code finds its report exactly; anything else searches the task names ("eskalasi") and
            // the report titles.
            query = TrackingCode.TryParse(term, out var code)
                ? query.InInstances(InstancesOf(db.Reports.Where(r => r.TrackingCode == code)))
                : query.NameContains(term, InstancesOf(db.Reports.Where(r => r.Title.ToLower().Contains(lower))));
        }
        return query;
    }

    /// <summary>
    /// Stage and type are the report's: the instance ids of matching reports, as an <c>IN (…)</c> list the
    /// planner can drive from the report indexes. A correlated <c>EXISTS</c> probed the report table once per visible task:
    /// 268 ms for a coordinator's filtered page at 100k tasks (docs/benchmarks.md).
    /// </summary>
    /// <remarks>
    /// Only reports still being handled: a closed report's instance has ended (ReportStageListener closes it then), so it
    /// has no task to show, and leaving the closed ones out keeps the list as short as the open work — at a million
    /// reports one category's closed ones made the filtered page take 0.5–1 s.
    /// </remarks>
    private TaskList ByReport(TaskList query, InboxFilter filter)
    {
        if (string.IsNullOrWhiteSpace(filter.Stage) && filter.Type is null)
            return query;
        var reports = db.Reports.Where(r => r.Status != ReportStatus.Closed);
        if (!string.IsNullOrWhiteSpace(filter.Stage))
            reports = reports.Where(r => r.Stage == filter.Stage);
        if (filter.Type is { } type)
            reports = reports.Where(r => r.Type == type);
        return query.InInstances(InstancesOf(reports));
    }

    private static IQueryable<string> InstancesOf(IQueryable<Report> reports) =>
        reports.Where(r => r.ProcessInstanceId != null).Select(r => r.ProcessInstanceId!);

    private static TaskOrder OrderOf(InboxSort sort) => sort switch
    {
        InboxSort.Priority => TaskOrder.Priority,
        InboxSort.Newest => TaskOrder.Newest,
        _ => TaskOrder.Due,
    };
}
