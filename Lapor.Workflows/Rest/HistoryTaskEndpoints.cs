using System.Text.Json;
using Lapor.Workflows.History;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Lapor.Workflows.Rest.HistoryDtos;

namespace Lapor.Workflows.Rest;

/// <summary>
/// <c>/history/activity-instance</c> and <c>/history/task</c>. History is append-only, so a start and its end are two
/// rows; these endpoints pair them (by activity instance id, or by task id) into Camunda's one-record-per-instance shape.
/// </summary>
internal static class HistoryTaskEndpoints
{
    private static readonly HistoryEventKind[] TaskKinds =
        [HistoryEventKind.TaskCreated, HistoryEventKind.TaskUpdated, HistoryEventKind.TaskCompleted, HistoryEventKind.TaskDeleted];

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/history/activity-instance", ActivityInstancesAsync);
        api.MapGet("/history/task", TasksAsync);
    }

    private static async Task<IResult> ActivityInstancesAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var (by, descending) = EngineRestQuery.Sort(request, "startTime",
            "startTime", "endTime", "duration", "activityId", "activityName", "activityType", "activityInstanceId", "instanceId", "occurrence");
        var query = engine.Db.Set<HistoryEventRow>().AsNoTracking()
            .Where(h => h.Kind == HistoryEventKind.ActivityStarted || h.Kind == HistoryEventKind.ActivityEnded
                        || h.Kind == HistoryEventKind.TaskCreated || h.Kind == HistoryEventKind.TaskUpdated || h.Kind == HistoryEventKind.TaskCompleted || h.Kind == HistoryEventKind.TaskDeleted);
        if (EngineRestQuery.Text(request, "processInstanceId") is { } instanceId)
            query = query.OfInstance(instanceId);
        if (EngineRestQuery.Text(request, "processDefinitionId") is { } definitionId)
            query = query.Where(h => h.DefinitionId == definitionId);
        if (EngineRestQuery.Text(request, "activityInstanceId") is { } activityInstanceId)
            query = query.Where(h => h.ActivityInstanceId == activityInstanceId);
        if (EngineRestQuery.Text(request, "activityId") is { } activityId)
            query = query.Where(h => h.ActivityId == activityId);
        if (EngineRestQuery.Text(request, "executionId") is { } executionId)
            query = query.Where(h => h.ExecutionId == executionId);
        var rows = await query.OrderBy(h => h.Id).ToListAsync(ct);

        var tasks = rows.Where(r => TaskKinds.Contains(r.Kind) && r.ActivityInstanceId is not null)
            .GroupBy(r => r.ActivityInstanceId!).ToDictionary(g => g.Key, g => (TaskId: g.First().TaskId, Assignee: Snapshot(g.Last())?.Assignee));
        var ends = rows.Where(r => r.Kind == HistoryEventKind.ActivityEnded && r.ActivityInstanceId is not null)
            .GroupBy(r => r.ActivityInstanceId!).ToDictionary(g => g.Key, g => g.First());

        var activities = new List<(long Seq, HistoricActivityInstanceDto Dto)>();
        foreach (var start in rows.Where(r => r.Kind == HistoryEventKind.ActivityStarted && r.ActivityInstanceId is not null))
        {
            var end = ends.GetValueOrDefault(start.ActivityInstanceId!);
            var task = tasks.GetValueOrDefault(start.ActivityInstanceId!);
            activities.Add((start.Id, new HistoricActivityInstanceDto(
                start.ActivityInstanceId!, start.ParentActivityInstanceId ?? start.InstanceId, start.ActivityId!, start.ActivityName, start.ActivityType,
                KeyOf(start.DefinitionId), start.DefinitionId, start.InstanceId!, start.ExecutionId, task.TaskId, null, null, task.Assignee, start.Time,
                end?.Time, end is null ? null : (long)(end.Time - start.Time).TotalMilliseconds, end?.Value == "canceled",
                // Camunda marks the activity that completes its scope; in a BPMN process that is an end event.
                end is not null && start.ActivityType == "endEvent", null, null, start.InstanceId!)));
        }

        IEnumerable<(long Seq, HistoricActivityInstanceDto Dto)> filtered = activities;
        if (EngineRestQuery.Text(request, "activityType") is { } activityType)
            filtered = filtered.Where(a => a.Dto.ActivityType == activityType);
        if (EngineRestQuery.Flag(request, "finished"))
            filtered = filtered.Where(a => a.Dto.EndTime is not null);
        if (EngineRestQuery.Flag(request, "unfinished"))
            filtered = filtered.Where(a => a.Dto.EndTime is null);
        if (EngineRestQuery.Flag(request, "canceled"))
            filtered = filtered.Where(a => a.Dto.Canceled);
        if (EngineRestQuery.Flag(request, "completeScope"))
            filtered = filtered.Where(a => a.Dto.CompleteScope);

        // Activities started in one command share a timestamp; the row order (Seq) keeps them in the order they ran.
        var ordered = by switch
        {
            "endTime" => EngineRestQuery.Order(filtered, a => a.Dto.EndTime, descending),
            "duration" => EngineRestQuery.Order(filtered, a => a.Dto.DurationInMillis, descending),
            "activityId" => EngineRestQuery.Order(filtered, a => a.Dto.ActivityId, descending),
            "activityName" => EngineRestQuery.Order(filtered, a => a.Dto.ActivityName, descending),
            "activityType" => EngineRestQuery.Order(filtered, a => a.Dto.ActivityType, descending),
            "activityInstanceId" => EngineRestQuery.Order(filtered, a => a.Dto.Id, descending),
            "instanceId" => EngineRestQuery.Order(filtered, a => a.Dto.ProcessInstanceId, descending),
            "occurrence" => EngineRestQuery.Order(filtered, a => a.Seq, descending),
            _ => EngineRestQuery.Order(filtered, a => a.Dto.StartTime, descending),
        };
        var sorted = descending ? ordered.ThenByDescending(a => a.Seq) : ordered.ThenBy(a => a.Seq);
        return EngineRestJson.Ok(EngineRestQuery.Page(sorted.Select(a => a.Dto), request).ToList());
    }

    private static async Task<IResult> TasksAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var (by, descending) = EngineRestQuery.Sort(request, "startTime",
            "startTime", "endTime", "duration", "taskId", "taskName", "assignee", "owner", "priority", "dueDate", "taskDefinitionKey", "deleteReason");
        var query = engine.Db.Set<HistoryEventRow>().AsNoTracking()
            .Where(h => h.Kind == HistoryEventKind.TaskCreated || h.Kind == HistoryEventKind.TaskUpdated || h.Kind == HistoryEventKind.TaskCompleted || h.Kind == HistoryEventKind.TaskDeleted);
        if (EngineRestQuery.Text(request, "processInstanceId") is { } instanceId)
            query = query.OfInstance(instanceId);
        if (EngineRestQuery.Text(request, "processDefinitionId") is { } definitionId)
            query = query.Where(h => h.DefinitionId == definitionId);
        if (EngineRestQuery.Text(request, "taskId") is { } taskId)
            query = query.Where(h => h.TaskId == taskId);
        if (EngineRestQuery.Text(request, "executionId") is { } executionId)
            query = query.Where(h => h.ExecutionId == executionId);
        if (EngineRestQuery.Text(request, "activityInstanceIdIn") is { } activityInstanceIds)
        {
            var ids = activityInstanceIds.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            query = query.Where(h => ids.Contains(h.ActivityInstanceId));
        }
        var rows = await query.OrderBy(h => h.Id).ToListAsync(ct);

        var list = new List<(long Seq, HistoricTaskInstanceDto Dto)>();
        foreach (var group in rows.Where(r => r.TaskId is not null).GroupBy(r => r.TaskId!))
        {
            var created = group.FirstOrDefault(r => r.Kind == HistoryEventKind.TaskCreated) ?? group.First();
            var latest = group.Last();
            var end = group.FirstOrDefault(r => r.Kind is HistoryEventKind.TaskCompleted or HistoryEventKind.TaskDeleted);
            var snapshot = Snapshot(latest) ?? Snapshot(created);
            list.Add((created.Id, new HistoricTaskInstanceDto(
                group.Key, KeyOf(created.DefinitionId), created.DefinitionId, created.InstanceId!, latest.ExecutionId, null, null, null, null,
                created.ActivityInstanceId, snapshot?.Name ?? created.ActivityName, snapshot?.Description, end?.Value, snapshot?.Owner, snapshot?.Assignee,
                created.Time, end?.Time, end is null ? null : (long)(end.Time - created.Time).TotalMilliseconds,
                snapshot?.TaskDefinitionKey ?? created.ActivityId ?? "", snapshot?.Priority ?? 0, snapshot?.Due, null, snapshot?.FollowUp, null, null,
                created.InstanceId!,
                end?.Kind switch { HistoryEventKind.TaskCompleted => "Completed", HistoryEventKind.TaskDeleted => "Deleted", _ => latest.Kind == HistoryEventKind.TaskUpdated ? "Updated" : "Created" })));
        }

        IEnumerable<(long Seq, HistoricTaskInstanceDto Dto)> filtered = list;
        if (EngineRestQuery.Text(request, "taskDefinitionKey") is { } taskKey)
            filtered = filtered.Where(t => t.Dto.TaskDefinitionKey == taskKey);
        if (EngineRestQuery.Text(request, "taskAssignee") is { } assignee)
            filtered = filtered.Where(t => t.Dto.Assignee == assignee);
        if (EngineRestQuery.Text(request, "taskOwner") is { } owner)
            filtered = filtered.Where(t => t.Dto.Owner == owner);
        if (EngineRestQuery.Text(request, "processDefinitionKey") is { } definitionKey)
            filtered = filtered.Where(t => t.Dto.ProcessDefinitionKey == definitionKey);
        if (EngineRestQuery.Flag(request, "finished"))
            filtered = filtered.Where(t => t.Dto.EndTime is not null);
        if (EngineRestQuery.Flag(request, "unfinished"))
            filtered = filtered.Where(t => t.Dto.EndTime is null);

        var ordered = by switch
        {
            "endTime" => EngineRestQuery.Order(filtered, t => t.Dto.EndTime, descending),
            "duration" => EngineRestQuery.Order(filtered, t => t.Dto.Duration, descending),
            "taskId" => EngineRestQuery.Order(filtered, t => t.Dto.Id, descending),
            "taskName" => EngineRestQuery.Order(filtered, t => t.Dto.Name, descending),
            "assignee" => EngineRestQuery.Order(filtered, t => t.Dto.Assignee, descending),
            "owner" => EngineRestQuery.Order(filtered, t => t.Dto.Owner, descending),
            "priority" => EngineRestQuery.Order(filtered, t => t.Dto.Priority, descending),
            "dueDate" => EngineRestQuery.Order(filtered, t => t.Dto.Due, descending),
            "taskDefinitionKey" => EngineRestQuery.Order(filtered, t => t.Dto.TaskDefinitionKey, descending),
            "deleteReason" => EngineRestQuery.Order(filtered, t => t.Dto.DeleteReason, descending),
            _ => EngineRestQuery.Order(filtered, t => t.Dto.StartTime, descending),
        };
        var sorted = descending ? ordered.ThenByDescending(t => t.Seq) : ordered.ThenBy(t => t.Seq);
        return EngineRestJson.Ok(EngineRestQuery.Page(sorted.Select(t => t.Dto), request).ToList());
    }

    /// <summary>The task as it was when the row was written (the engine stores a snapshot in every task row).</summary>
    private static TaskSnapshot? Snapshot(HistoryEventRow row) =>
        row.Detail is null ? null : JsonSerializer.Deserialize<TaskSnapshot>(row.Detail);
}
