using Lapor.Workflows.Queries;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lapor.Workflows.Rest;

/// <summary>
/// <c>/history/user-operation</c>: who did what, from the history's UserOperation and Deployment rows, under
/// Camunda's operation types (<see cref="CamundaOperations"/>).
/// </summary>
internal static class HistoryOperationEndpoints
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/history/user-operation", ListAsync);

    private static async Task<IResult> ListAsync(HttpRequest request, HistoryQuery history, CancellationToken ct)
    {
        var (_, descending) = EngineRestQuery.Sort(request, "timestamp", "timestamp");
        var filter = new HistoricOperationFilter
        {
            InstanceId = EngineRestQuery.Text(request, "processInstanceId"),
            TaskId = EngineRestQuery.Text(request, "taskId"),
            DefinitionId = EngineRestQuery.Text(request, "processDefinitionId"),
            Actor = EngineRestQuery.Text(request, "userId"),
            After = EngineRestQuery.Date(request, "afterTimestamp"),
            Before = EngineRestQuery.Date(request, "beforeTimestamp"),
            OperationType = EngineRestQuery.Text(request, "operationType"),
            EntityType = EngineRestQuery.Text(request, "entityType"),
            DeploymentId = EngineRestQuery.Text(request, "deploymentId"),
        };
        var operations = await history.OperationsAsync(filter, descending, EngineRestQuery.Page(request), ct);
        return EngineRestJson.Ok(operations.Select(UserOperationLogEntryDto.Of).ToList());
    }
}
