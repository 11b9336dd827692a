using System.Text.Json;
using Lapor.Workflows.History;
using Lapor.Workflows.Runtime;

namespace Lapor.Workflows.Queries;

public sealed partial class HistoryQuery
{
    /// <summary>
    /// User tasks, one per task: its creation event paired, within its chain, with its end event and its latest event,
    /// whose snapshot holds the assignee, owner and dates.
    /// </summary>
    public async Task<IReadOnlyList<HistoricTask>> TasksAsync(
        HistoricTaskFilter filter, HistoricTaskSort sort = HistoricTaskSort.StartTime, bool descending = false,
        HistoryPage? page = null, CancellationToken ct = default)
    {
        page ??= HistoryPage.All;
        var after = After(page, sort == HistoricTaskSort.StartTime, descending);
        var chains = await ChainsAsync(filter.InstanceId, filter.TaskId, filter.DefinitionId, filter.DefinitionKey, ct);
        var lines = await ReadAsync(chains, events => Tasks(events, filter).Where(t => after(t.Task.Cursor)), ct);
        var ordered = sort switch
        {
            HistoricTaskSort.EndTime => Order(lines, t => t.Task.EndTime, descending),
            HistoricTaskSort.Duration => Order(lines, t => t.Task.DurationInMillis, descending),
            HistoricTaskSort.TaskId => OrderText(lines, t => t.Task.Id, descending),
            HistoricTaskSort.TaskName => OrderText(lines, t => t.LatestName, descending),
            HistoricTaskSort.Assignee => OrderText(lines, t => t.Task.Assignee, descending),
            HistoricTaskSort.Owner => OrderText(lines, t => t.Task.Owner, descending),
            HistoricTaskSort.Priority => Order(lines, t => t.Task.Priority, descending),
            HistoricTaskSort.DueDate => Order(lines, t => t.Task.Due, descending),
            HistoricTaskSort.TaskDefinitionKey => OrderText(lines, t => t.ActivityId, descending),
            HistoricTaskSort.DeleteReason => OrderText(lines, t => t.Task.DeleteReason, descending),
            _ => Order(lines, t => t.Task.StartTime, descending),
        };
        return Paged(ThenByPosition(ordered, t => t.Task.Cursor, descending), page).Select(t => t.Task).ToList();
    }

    /// <summary>One chain's tasks that pass the filter.</summary>
    private static IEnumerable<TaskLine> Tasks(IReadOnlyList<HistoryEventRow> chain, HistoricTaskFilter filter)
    {
        var events = chain.Where(IsTaskEvent).ToLookup(h => h.TaskId!, StringComparer.Ordinal);
        var definitionPrefix = filter.DefinitionKey is { } key ? key + ":" : null;
        foreach (var created in chain)
        {
            if (created is not { Kind: HistoryEventKind.TaskCreated, TaskId: { } taskId } || !OfItsInstance(created)
                || !Matches(created.DefinitionId, filter.DefinitionId) || !Matches(taskId, filter.TaskId)
                // Definition ids are key:version:deployment.
                || (definitionPrefix is not null && created.DefinitionId?.StartsWith(definitionPrefix, StringComparison.Ordinal) != true)
                || !Matches(created.ExecutionId, filter.ExecutionId) || !Matches(created.ActivityId, filter.TaskDefinitionKey)
                || (filter.ActivityInstanceIds is { } activityInstanceIds && !activityInstanceIds.Contains(created.ActivityInstanceId!)))
                continue;
            var own = events[taskId];
            var end = own.FirstOrDefault(h => h.Kind is HistoryEventKind.TaskCompleted or HistoryEventKind.TaskDeleted);
            var latest = own.Last();
            var latestSnapshot = Snapshot(latest.Detail);
            // The assignee and owner a task has, or had when it ended: the latest snapshot's.
            if ((filter.Finished && end is null) || (filter.Unfinished && end is not null)
                || (filter.Assignee is { } assignee && latestSnapshot?.Assignee != assignee)
                || (filter.Owner is { } owner && latestSnapshot?.Owner != owner))
                continue;
            yield return new TaskLine(ToTask(created, end, latest, latestSnapshot ?? Snapshot(created.Detail)), latest.ActivityName, created.ActivityId);
        }
    }

    private static HistoricTask ToTask(HistoryEventRow created, HistoryEventRow? end, HistoryEventRow latest, TaskSnapshot? snapshot) => new()
    {
        Id = created.TaskId!, DefinitionId = created.DefinitionId, InstanceId = created.InstanceId!, ExecutionId = latest.ExecutionId,
        ActivityInstanceId = created.ActivityInstanceId, Name = snapshot?.Name ?? latest.ActivityName, Description = snapshot?.Description,
        DeleteReason = end?.Value, Owner = snapshot?.Owner, Assignee = snapshot?.Assignee, StartTime = created.Time, EndTime = end?.Time,
        TaskDefinitionKey = snapshot?.TaskDefinitionKey ?? created.ActivityId ?? "", Priority = snapshot?.Priority ?? 0, Due = snapshot?.Due,
        FollowUp = snapshot?.FollowUp,
        State = end?.Kind switch
        {
            HistoryEventKind.TaskCompleted => HistoricTaskStates.Completed,
            HistoryEventKind.TaskDeleted => HistoricTaskStates.Deleted,
            _ => latest.Kind == HistoryEventKind.TaskUpdated ? HistoricTaskStates.Updated : HistoricTaskStates.Created,
        },
        Cursor = CursorOf(created),
    };

    /// <summary>The task as it was when the event was written (the engine stores a snapshot in every task event).</summary>
    private static TaskSnapshot? Snapshot(string? detail) =>
        detail is null ? null : JsonSerializer.Deserialize(detail, HistoryJson.Default.TaskSnapshot);

    /// <summary>A task with the two sort keys it does not show: its latest event's name and its node's id.</summary>
    private sealed record TaskLine(HistoricTask Task, string? LatestName, string? ActivityId);
}
