using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

public sealed partial class HistoryQuery
{
    /// <summary>Node visits: each start row joined (in SQL) with its end row and, for a user task, its task's rows.</summary>
    public async Task<IReadOnlyList<HistoricActivity>> ActivitiesAsync(
        HistoricActivityFilter filter, HistoricActivitySort sort = HistoricActivitySort.StartTime, bool descending = false,
        HistoryPage? page = null, CancellationToken ct = default)
    {
        page ??= HistoryPage.All;
        var starts = After(Rows.Where(h => h.Kind == HistoryEventKind.ActivityStarted && h.ActivityInstanceId != null && h.ActivityId != null),
            page, sort == HistoricActivitySort.StartTime, descending);
        if (filter.InstanceId is { } instanceId)
            starts = starts.OfInstance(instanceId);
        if (filter.DefinitionId is { } definitionId)
            starts = starts.Where(h => h.DefinitionId == definitionId);
        if (filter.ActivityInstanceId is { } activityInstanceId)
            starts = starts.Where(h => h.ActivityInstanceId == activityInstanceId);
        if (filter.ActivityId is { } activityId)
            starts = starts.Where(h => h.ActivityId == activityId);
        if (filter.ExecutionId is { } executionId)
            starts = starts.Where(h => h.ExecutionId == executionId);
        if (filter.ActivityType is { } activityType)
            starts = starts.Where(h => h.ActivityType == activityType);

        var ends = Rows.Where(h => h.Kind == HistoryEventKind.ActivityEnded);
        var taskRows = Rows.Where(h => h.TaskId != null && (h.Kind == HistoryEventKind.TaskCreated || h.Kind == HistoryEventKind.TaskUpdated
                                                            || h.Kind == HistoryEventKind.TaskCompleted || h.Kind == HistoryEventKind.TaskDeleted));
        var lines = starts.Select(s => new ActivityLine
        {
            Id = s.Id, Time = s.Time, ActivityInstanceId = s.ActivityInstanceId!, ParentActivityInstanceId = s.ParentActivityInstanceId,
            ActivityId = s.ActivityId!, ActivityName = s.ActivityName, ActivityType = s.ActivityType, DefinitionId = s.DefinitionId,
            InstanceId = s.InstanceId!, ExecutionId = s.ExecutionId,
            EndTime = ends.Where(e => e.ChainId == s.ChainId && e.ActivityInstanceId == s.ActivityInstanceId).OrderBy(e => e.Id).Select(e => (DateTime?)e.Time).FirstOrDefault(),
            Ending = ends.Where(e => e.ChainId == s.ChainId && e.ActivityInstanceId == s.ActivityInstanceId).OrderBy(e => e.Id).Select(e => e.Value).FirstOrDefault(),
            TaskId = taskRows.Where(e => e.ChainId == s.ChainId && e.ActivityInstanceId == s.ActivityInstanceId).OrderBy(e => e.Id).Select(e => e.TaskId).FirstOrDefault(),
            TaskDetail = taskRows.Where(e => e.ChainId == s.ChainId && e.ActivityInstanceId == s.ActivityInstanceId).OrderByDescending(e => e.Id).Select(e => e.Detail).FirstOrDefault(),
        });
        if (filter.Finished)
            lines = lines.Where(a => a.EndTime != null);
        if (filter.Unfinished)
            lines = lines.Where(a => a.EndTime == null);
        if (filter.Canceled)
            lines = lines.Where(a => a.Ending == ActivityEndings.Canceled);
        if (filter.CompleteScope)
            lines = lines.Where(a => a.EndTime != null && a.ActivityType == "endEvent");

        if (sort == HistoricActivitySort.Duration)
        {
            var all = (await lines.ToListAsync(ct)).Select(ToActivity);
            var byDuration = Order(all, a => a.DurationInMillis, descending);
            return Paged(descending ? byDuration.ThenByDescending(a => a.Cursor.Id) : byDuration.ThenBy(a => a.Cursor.Id), page).ToList();
        }

        // Nodes entered in one command share a timestamp; the row id keeps them in the order they ran.
        var ordered = sort switch
        {
            HistoricActivitySort.EndTime => Order(lines, a => a.EndTime, descending),
            HistoricActivitySort.ActivityId => Order(lines, a => a.ActivityId, descending),
            HistoricActivitySort.ActivityName => Order(lines, a => a.ActivityName, descending),
            HistoricActivitySort.ActivityType => Order(lines, a => a.ActivityType, descending),
            HistoricActivitySort.ActivityInstanceId => Order(lines, a => a.ActivityInstanceId, descending),
            HistoricActivitySort.InstanceId => Order(lines, a => a.InstanceId, descending),
            HistoricActivitySort.Occurrence => Order(lines, a => a.Id, descending),
            _ => Order(lines, a => a.Time, descending),
        };
        var sorted = descending ? ordered.ThenByDescending(a => a.Id) : ordered.ThenBy(a => a.Id);
        return (await Paged(sorted, page).ToListAsync(ct)).Select(ToActivity).ToList();
    }

    private static HistoricActivity ToActivity(ActivityLine line) => new()
    {
        Id = line.ActivityInstanceId, ParentActivityInstanceId = line.ParentActivityInstanceId, ActivityId = line.ActivityId,
        ActivityName = line.ActivityName, ActivityType = line.ActivityType, DefinitionId = line.DefinitionId, InstanceId = line.InstanceId,
        ExecutionId = line.ExecutionId, TaskId = line.TaskId, Assignee = Snapshot(line.TaskDetail)?.Assignee, StartTime = line.Time,
        EndTime = line.EndTime, Canceled = line.Ending == ActivityEndings.Canceled,
        CompleteScope = line.EndTime is not null && line.ActivityType == "endEvent",
        Cursor = new HistoryCursor(line.Time, line.Id),
    };

    private sealed class ActivityLine
    {
        public long Id { get; init; }
        public DateTime Time { get; init; }
        public required string ActivityInstanceId { get; init; }
        public string? ParentActivityInstanceId { get; init; }
        public required string ActivityId { get; init; }
        public string? ActivityName { get; init; }
        public string? ActivityType { get; init; }
        public string? DefinitionId { get; init; }
        public required string InstanceId { get; init; }
        public string? ExecutionId { get; init; }
        public DateTime? EndTime { get; init; }
        public string? Ending { get; init; }
        public string? TaskId { get; init; }
        public string? TaskDetail { get; init; }
    }
}
