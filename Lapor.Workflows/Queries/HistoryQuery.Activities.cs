using Lapor.Workflows.History;

namespace Lapor.Workflows.Queries;

public sealed partial class HistoryQuery
{
    /// <summary>Node visits: each start event paired, within its chain, with its end event and, for a user task, its task's events.</summary>
    public async Task<IReadOnlyList<HistoricActivity>> ActivitiesAsync(
        HistoricActivityFilter filter, HistoricActivitySort sort = HistoricActivitySort.StartTime, bool descending = false,
        HistoryPage? page = null, CancellationToken ct = default)
    {
        page ??= HistoryPage.All;
        var after = After(page, sort == HistoricActivitySort.StartTime, descending);
        var chains = await ChainsAsync(filter.InstanceId, null, filter.DefinitionId, null, ct);
        var activities = await ReadAsync(chains, events => Activities(events, filter).Where(a => after(a.Cursor)), ct);

        // Nodes entered in one command share a timestamp; their position keeps them in the order they ran.
        var ordered = sort switch
        {
            HistoricActivitySort.EndTime => Order(activities, a => a.EndTime, descending),
            HistoricActivitySort.Duration => Order(activities, a => a.DurationInMillis, descending),
            HistoricActivitySort.ActivityId => OrderText(activities, a => a.ActivityId, descending),
            HistoricActivitySort.ActivityName => OrderText(activities, a => a.ActivityName, descending),
            HistoricActivitySort.ActivityType => OrderText(activities, a => a.ActivityType, descending),
            HistoricActivitySort.ActivityInstanceId => OrderText(activities, a => a.Id, descending),
            HistoricActivitySort.InstanceId => OrderText(activities, a => a.InstanceId, descending),
            HistoricActivitySort.Occurrence => Order(activities, a => a.Cursor, descending),
            _ => Order(activities, a => a.StartTime, descending),
        };
        return Paged(ThenByPosition(ordered, a => a.Cursor, descending), page).ToList();
    }

    /// <summary>One chain's node visits that pass the filter.</summary>
    private static IEnumerable<HistoricActivity> Activities(IReadOnlyList<HistoryEventRow> chain, HistoricActivityFilter filter)
    {
        var ends = new Dictionary<string, HistoryEventRow>(StringComparer.Ordinal);
        var tasks = new Dictionary<string, (string TaskId, string? Detail)>(StringComparer.Ordinal);
        foreach (var h in chain)
        {
            if (h.ActivityInstanceId is not { } activityInstanceId)
                continue;
            if (h.Kind == HistoryEventKind.ActivityEnded)
                ends.TryAdd(activityInstanceId, h);
            else if (IsTaskEvent(h))
                // The visit's task is the first one it created; its assignee is in the latest snapshot.
                tasks[activityInstanceId] = tasks.TryGetValue(activityInstanceId, out var task) ? task with { Detail = h.Detail } : (h.TaskId!, h.Detail);
        }

        foreach (var start in chain)
        {
            if (start is not { Kind: HistoryEventKind.ActivityStarted, ActivityInstanceId: { } activityInstanceId, ActivityId: { } activityId }
                || !OfItsInstance(start) || !Matches(start.DefinitionId, filter.DefinitionId)
                || !Matches(activityInstanceId, filter.ActivityInstanceId) || !Matches(activityId, filter.ActivityId)
                || !Matches(start.ExecutionId, filter.ExecutionId) || !Matches(start.ActivityType, filter.ActivityType))
                continue;
            var end = ends.GetValueOrDefault(activityInstanceId);
            var canceled = end?.Value == ActivityEndings.Canceled;
            var completeScope = end is not null && start.ActivityType == "endEvent";
            if ((filter.Finished && end is null) || (filter.Unfinished && end is not null) || (filter.Canceled && !canceled) || (filter.CompleteScope && !completeScope))
                continue;
            var task = tasks.TryGetValue(activityInstanceId, out var found) ? found : ((string TaskId, string? Detail)?)null;
            yield return new HistoricActivity
            {
                Id = activityInstanceId, ParentActivityInstanceId = start.ParentActivityInstanceId, ActivityId = activityId,
                ActivityName = start.ActivityName, ActivityType = start.ActivityType, DefinitionId = start.DefinitionId, InstanceId = start.InstanceId!,
                ExecutionId = start.ExecutionId, TaskId = task?.TaskId, Assignee = Snapshot(task?.Detail)?.Assignee, StartTime = start.Time,
                EndTime = end?.Time, Canceled = canceled, CompleteScope = completeScope, Cursor = CursorOf(start),
            };
        }
    }
}
