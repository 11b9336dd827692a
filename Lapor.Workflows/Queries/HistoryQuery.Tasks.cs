using System.Text.Json;
using Lapor.Workflows.History;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

public sealed partial class HistoryQuery
{
    /// <summary>
    /// User tasks, one per task: its creation row joined (in SQL) with its end row and its latest row, whose snapshot
    /// holds the assignee, owner and dates. See <see cref="HistoricTaskSort"/> for the keys sorted after reading.
    /// </summary>
    public async Task<IReadOnlyList<HistoricTask>> TasksAsync(
        HistoricTaskFilter filter, HistoricTaskSort sort = HistoricTaskSort.StartTime, bool descending = false,
        HistoryPage? page = null, CancellationToken ct = default)
    {
        page ??= HistoryPage.All;
        var created = After(Rows.Where(h => h.Kind == HistoryEventKind.TaskCreated && h.TaskId != null), page, sort == HistoricTaskSort.StartTime, descending);
        if (filter.InstanceId is { } instanceId)
            created = created.OfInstance(instanceId);
        if (filter.DefinitionId is { } definitionId)
            created = created.Where(h => h.DefinitionId == definitionId);
        if (filter.DefinitionKey is { } key)
            created = OfDefinitionKey(created, key);
        if (filter.TaskId is { } taskId)
            created = created.Where(h => h.TaskId == taskId);
        if (filter.ExecutionId is { } executionId)
            created = created.Where(h => h.ExecutionId == executionId);
        if (filter.ActivityInstanceIds is { } activityInstanceIds)
            created = created.Where(h => activityInstanceIds.Contains(h.ActivityInstanceId!));
        if (filter.TaskDefinitionKey is { } taskDefinitionKey)
            created = created.Where(h => h.ActivityId == taskDefinitionKey);

        var taskRows = Rows.Where(h => h.TaskId != null && (h.Kind == HistoryEventKind.TaskCreated || h.Kind == HistoryEventKind.TaskUpdated
                                                            || h.Kind == HistoryEventKind.TaskCompleted || h.Kind == HistoryEventKind.TaskDeleted));
        var ends = taskRows.Where(h => h.Kind == HistoryEventKind.TaskCompleted || h.Kind == HistoryEventKind.TaskDeleted);
        var lines = created.Select(c => new TaskLine
        {
            Id = c.Id, TaskId = c.TaskId!, Time = c.Time, InstanceId = c.InstanceId!, DefinitionId = c.DefinitionId, ActivityId = c.ActivityId,
            ActivityInstanceId = c.ActivityInstanceId, CreatedDetail = c.Detail,
            EndTime = ends.Where(e => e.ChainId == c.ChainId && e.TaskId == c.TaskId).OrderBy(e => e.Id).Select(e => (DateTime?)e.Time).FirstOrDefault(),
            EndKind = ends.Where(e => e.ChainId == c.ChainId && e.TaskId == c.TaskId).OrderBy(e => e.Id).Select(e => (HistoryEventKind?)e.Kind).FirstOrDefault(),
            EndReason = ends.Where(e => e.ChainId == c.ChainId && e.TaskId == c.TaskId).OrderBy(e => e.Id).Select(e => e.Value).FirstOrDefault(),
            LatestKind = taskRows.Where(e => e.ChainId == c.ChainId && e.TaskId == c.TaskId).OrderByDescending(e => e.Id).Select(e => e.Kind).First(),
            LatestName = taskRows.Where(e => e.ChainId == c.ChainId && e.TaskId == c.TaskId).OrderByDescending(e => e.Id).Select(e => e.ActivityName).FirstOrDefault(),
            LatestExecutionId = taskRows.Where(e => e.ChainId == c.ChainId && e.TaskId == c.TaskId).OrderByDescending(e => e.Id).Select(e => e.ExecutionId).FirstOrDefault(),
            LatestDetail = taskRows.Where(e => e.ChainId == c.ChainId && e.TaskId == c.TaskId).OrderByDescending(e => e.Id).Select(e => e.Detail).FirstOrDefault(),
        });
        if (filter.Finished)
            lines = lines.Where(t => t.EndTime != null);
        if (filter.Unfinished)
            lines = lines.Where(t => t.EndTime == null);
        if (filter.Assignee is { } assignee)
        {
            var needle = SnapshotFact(nameof(TaskSnapshot.Assignee), assignee);
            lines = lines.Where(t => t.LatestDetail!.Contains(needle));
        }
        if (filter.Owner is { } owner)
        {
            var needle = SnapshotFact(nameof(TaskSnapshot.Owner), owner);
            lines = lines.Where(t => t.LatestDetail!.Contains(needle));
        }

        if (sort is HistoricTaskSort.Duration or HistoricTaskSort.Assignee or HistoricTaskSort.Owner or HistoricTaskSort.Priority or HistoricTaskSort.DueDate)
        {
            var all = (await lines.ToListAsync(ct)).Select(ToTask);
            var byKey = sort switch
            {
                HistoricTaskSort.Duration => Order(all, t => t.DurationInMillis, descending),
                HistoricTaskSort.Assignee => Order(all, t => t.Assignee, descending),
                HistoricTaskSort.Owner => Order(all, t => t.Owner, descending),
                HistoricTaskSort.Priority => Order(all, t => (long)t.Priority, descending),
                _ => Order(all, t => t.Due, descending),
            };
            return Paged(descending ? byKey.ThenByDescending(t => t.Cursor.Id) : byKey.ThenBy(t => t.Cursor.Id), page).ToList();
        }

        var ordered = sort switch
        {
            HistoricTaskSort.EndTime => Order(lines, t => t.EndTime, descending),
            HistoricTaskSort.TaskId => Order(lines, t => t.TaskId, descending),
            HistoricTaskSort.TaskName => Order(lines, t => t.LatestName, descending),
            HistoricTaskSort.TaskDefinitionKey => Order(lines, t => t.ActivityId, descending),
            HistoricTaskSort.DeleteReason => Order(lines, t => t.EndReason, descending),
            _ => Order(lines, t => t.Time, descending),
        };
        var sorted = descending ? ordered.ThenByDescending(t => t.Id) : ordered.ThenBy(t => t.Id);
        return (await Paged(sorted, page).ToListAsync(ct)).Select(ToTask).ToList();
    }

    /// <summary>
    /// A property of the task snapshot as the engine writes it (<see cref="HistoryJson"/>, default options), so the
    /// database can find it in the JSON text; string values are escaped, so a quote in another field cannot match.
    /// </summary>
    private static string SnapshotFact(string property, string value) => $"\"{property}\":{JsonSerializer.Serialize(value)}";

    private static HistoricTask ToTask(TaskLine line)
    {
        var snapshot = Snapshot(line.LatestDetail) ?? Snapshot(line.CreatedDetail);
        return new HistoricTask
        {
            Id = line.TaskId, DefinitionId = line.DefinitionId, InstanceId = line.InstanceId, ExecutionId = line.LatestExecutionId,
            ActivityInstanceId = line.ActivityInstanceId, Name = snapshot?.Name ?? line.LatestName, Description = snapshot?.Description,
            DeleteReason = line.EndReason, Owner = snapshot?.Owner, Assignee = snapshot?.Assignee, StartTime = line.Time, EndTime = line.EndTime,
            TaskDefinitionKey = snapshot?.TaskDefinitionKey ?? line.ActivityId ?? "", Priority = snapshot?.Priority ?? 0, Due = snapshot?.Due,
            FollowUp = snapshot?.FollowUp,
            State = line.EndKind switch
            {
                HistoryEventKind.TaskCompleted => HistoricTaskStates.Completed,
                HistoryEventKind.TaskDeleted => HistoricTaskStates.Deleted,
                _ => line.LatestKind == HistoryEventKind.TaskUpdated ? HistoricTaskStates.Updated : HistoricTaskStates.Created,
            },
            Cursor = new HistoryCursor(line.Time, line.Id),
        };
    }

    /// <summary>The task as it was when the row was written (the engine stores a snapshot in every task row).</summary>
    private static TaskSnapshot? Snapshot(string? detail) =>
        detail is null ? null : JsonSerializer.Deserialize(detail, HistoryJson.Default.TaskSnapshot);

    private sealed class TaskLine
    {
        public long Id { get; init; }
        public required string TaskId { get; init; }
        public DateTime Time { get; init; }
        public required string InstanceId { get; init; }
        public string? DefinitionId { get; init; }
        public string? ActivityId { get; init; }
        public string? ActivityInstanceId { get; init; }
        public string? CreatedDetail { get; init; }
        public DateTime? EndTime { get; init; }
        public HistoryEventKind? EndKind { get; init; }
        public string? EndReason { get; init; }
        public HistoryEventKind LatestKind { get; init; }
        public string? LatestName { get; init; }
        public string? LatestExecutionId { get; init; }
        public string? LatestDetail { get; init; }
    }
}
