using System.Security.Claims;
using Lapor.Domain.Reports;
using Lapor.Workflows.Persistence;

namespace Lapor.Host.Inbox;

/// <summary>
/// The inbox's filters and orders. Each one is a condition added to the visible tasks' query, so the database does the
/// narrowing (no page is filtered in memory) and no combination of filters can show more than the user may see.
/// </summary>
public sealed partial class TaskInbox
{
    /// <summary>The end of "due soon": one working day from now, as the tab and the notifications both mean it.</summary>
    public DateTime DueSoonUntil(DateTimeOffset now) => calendar.AddWorkingDays(now, 1).UtcDateTime;

    private IQueryable<TaskRow> Narrowed(IQueryable<TaskRow> query, ClaimsPrincipal user, InboxFilter filter, DateTimeOffset now)
    {
        var nowUtc = now.UtcDateTime;
        var userName = user.Identity?.Name;
        switch (filter.View)
        {
            case InboxView.Mine:
                query = query.Where(t => t.Assignee != null && t.Assignee == userName);
                break;
            case InboxView.Unassigned:
                query = query.Where(t => t.Assignee == null);
                break;
            case InboxView.Overdue:
                query = query.Where(t => t.Due != null && t.Due < nowUtc);
                break;
            case InboxView.DueSoon:
                var soon = DueSoonUntil(now);
                query = query.Where(t => t.Due != null && t.Due >= nowUtc && t.Due <= soon);
                break;
        }
        if (!string.IsNullOrWhiteSpace(filter.TaskKey))
            query = query.Where(t => t.TaskDefinitionKey == filter.TaskKey);
        if (filter.DueBy is { } day && day < DateOnly.MaxValue)
        {
            // "Due by Friday" includes Friday: everything before the next midnight in the calendar's zone.
            var end = TimeZoneInfo.ConvertTimeToUtc(day.AddDays(1).ToDateTime(TimeOnly.MinValue), calendar.Zone);
            query = query.Where(t => t.Due != null && t.Due < end);
        }
        if (filter.CreatedAfter is { } since)
        {
            var sinceUtc = since.UtcDateTime;
            query = query.Where(t => t.CreatedAt > sinceUtc);
        }
        query = ByReport(query, filter);
        if (!string.IsNullOrWhiteSpace(filter.Search))
        {
            var term = filter.Search.Trim();
            var lower = term.ToLower();
            // A pasted tracking code finds its report exactly; anything else searches the task names ("eskalasi") and
            // the report titles.
            query = TrackingCode.TryParse(term, out var code)
                ? query.Where(t => db.Reports.Any(r => r.ProcessInstanceId == t.InstanceId && r.TrackingCode == code))
                : query.Where(t => (t.Name != null && t.Name.ToLower().Contains(lower))
                                   || db.Reports.Any(r => r.ProcessInstanceId == t.InstanceId && r.Title.ToLower().Contains(lower)));
        }
        return query;
    }

    /// <summary>
    /// Stage, category and type are the report's: the instance ids of matching reports, as an <c>IN (…)</c> list the
    /// planner can drive from the report indexes. A correlated <c>EXISTS</c> probed the report table once per visible task:
    /// 268 ms for a coordinator's filtered page at 100k tasks (docs/benchmarks.md).
    /// </summary>
    private IQueryable<TaskRow> ByReport(IQueryable<TaskRow> query, InboxFilter filter)
    {
        if (string.IsNullOrWhiteSpace(filter.Stage) && string.IsNullOrWhiteSpace(filter.Category) && filter.Type is null)
            return query;
        var reports = db.Reports.AsQueryable();
        if (!string.IsNullOrWhiteSpace(filter.Stage))
            reports = reports.Where(r => r.Stage == filter.Stage);
        if (!string.IsNullOrWhiteSpace(filter.Category))
            reports = reports.Where(r => r.CategoryCode == filter.Category);
        if (filter.Type is { } type)
            reports = reports.Where(r => r.Type == type);
        var instanceIds = reports.Where(r => r.ProcessInstanceId != null).Select(r => r.ProcessInstanceId!);
        return query.Where(t => instanceIds.Contains(t.InstanceId));
    }

    private static IQueryable<TaskRow> Sorted(IQueryable<TaskRow> query, InboxSort sort) => sort switch
    {
        // Higher priority first, as the engine (and Camunda) rank it; ties by due date.
        InboxSort.Priority => query.OrderByDescending(t => t.Priority).ThenBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.Id),
        InboxSort.Newest => query.OrderByDescending(t => t.CreatedAt).ThenByDescending(t => t.Id),
        // Tasks without a due date last: they are the ones nobody is waiting on.
        _ => query.OrderBy(t => t.Due == null).ThenBy(t => t.Due).ThenBy(t => t.CreatedAt).ThenBy(t => t.Id),
    };
}
