using Lapor.Workflows.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using static Lapor.Workflows.Rest.HistoryDtos;

namespace Lapor.Workflows.Rest;

/// <summary>
/// <c>/history/activity-instance</c> and <c>/history/task</c>. History is append-only, so a start and its end are two
/// events; <see cref="HistoryQuery"/> pairs them into Camunda's one-record-per-instance shape.
/// </summary>
internal static class HistoryTaskEndpoints
{
    private static readonly Dictionary<string, HistoricActivitySort> ActivitySorts = new(StringComparer.Ordinal)
    {
        ["startTime"] = HistoricActivitySort.StartTime, ["endTime"] = HistoricActivitySort.EndTime, ["duration"] = HistoricActivitySort.Duration,
        ["activityId"] = HistoricActivitySort.ActivityId, ["activityName"] = HistoricActivitySort.ActivityName,
        ["activityType"] = HistoricActivitySort.ActivityType, ["activityInstanceId"] = HistoricActivitySort.ActivityInstanceId,
        ["instanceId"] = HistoricActivitySort.InstanceId, ["occurrence"] = HistoricActivitySort.Occurrence,
    };

    private static readonly Dictionary<string, HistoricTaskSort> TaskSorts = new(StringComparer.Ordinal)
    {
        ["startTime"] = HistoricTaskSort.StartTime, ["endTime"] = HistoricTaskSort.EndTime, ["duration"] = HistoricTaskSort.Duration,
        ["taskId"] = HistoricTaskSort.TaskId, ["taskName"] = HistoricTaskSort.TaskName, ["assignee"] = HistoricTaskSort.Assignee,
        ["owner"] = HistoricTaskSort.Owner, ["priority"] = HistoricTaskSort.Priority, ["dueDate"] = HistoricTaskSort.DueDate,
        ["taskDefinitionKey"] = HistoricTaskSort.TaskDefinitionKey, ["deleteReason"] = HistoricTaskSort.DeleteReason,
    };

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/history/activity-instance", ActivityInstancesAsync);
        api.MapGet("/history/task", TasksAsync);
    }

    private static async Task<IResult> ActivityInstancesAsync(HttpRequest request, HistoryQuery history, CancellationToken ct)
    {
        var (sort, descending) = EngineRestQuery.Sort(request, "startTime", ActivitySorts);
        var filter = new HistoricActivityFilter
        {
            InstanceId = EngineRestQuery.Text(request, "processInstanceId"),
            DefinitionId = EngineRestQuery.Text(request, "processDefinitionId"),
            ActivityInstanceId = EngineRestQuery.Text(request, "activityInstanceId"),
            ActivityId = EngineRestQuery.Text(request, "activityId"),
            ExecutionId = EngineRestQuery.Text(request, "executionId"),
            ActivityType = EngineRestQuery.Text(request, "activityType"),
            Finished = EngineRestQuery.Flag(request, "finished"),
            Unfinished = EngineRestQuery.Flag(request, "unfinished"),
            Canceled = EngineRestQuery.Flag(request, "canceled"),
            CompleteScope = EngineRestQuery.Flag(request, "completeScope"),
        };
        var activities = await history.ActivitiesAsync(filter, sort, descending, EngineRestQuery.Page(request), ct);
        return EngineRestJson.Ok(activities.Select(HistoricActivityInstanceDto.Of).ToList());
    }

    private static async Task<IResult> TasksAsync(HttpRequest request, HistoryQuery history, CancellationToken ct)
    {
        var (sort, descending) = EngineRestQuery.Sort(request, "startTime", TaskSorts);
        var filter = new HistoricTaskFilter
        {
            InstanceId = EngineRestQuery.Text(request, "processInstanceId"),
            DefinitionId = EngineRestQuery.Text(request, "processDefinitionId"),
            DefinitionKey = EngineRestQuery.Text(request, "processDefinitionKey"),
            TaskId = EngineRestQuery.Text(request, "taskId"),
            ExecutionId = EngineRestQuery.Text(request, "executionId"),
            ActivityInstanceIds = EngineRestQuery.List(request, "activityInstanceIdIn"),
            TaskDefinitionKey = EngineRestQuery.Text(request, "taskDefinitionKey"),
            Assignee = EngineRestQuery.Text(request, "taskAssignee"),
            Owner = EngineRestQuery.Text(request, "taskOwner"),
            Finished = EngineRestQuery.Flag(request, "finished"),
            Unfinished = EngineRestQuery.Flag(request, "unfinished"),
        };
        var tasks = await history.TasksAsync(filter, sort, descending, EngineRestQuery.Page(request), ct);
        return EngineRestJson.Ok(tasks.Select(HistoricTaskInstanceDto.Of).ToList());
    }
}
