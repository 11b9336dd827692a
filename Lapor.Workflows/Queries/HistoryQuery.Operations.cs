using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Queries;

public sealed partial class HistoryQuery
{
    /// <summary>The user-operation log (operations and deployments), by time, filtered and paged in SQL.</summary>
    public async Task<IReadOnlyList<HistoricOperation>> OperationsAsync(
        HistoricOperationFilter filter, bool descending = false, HistoryPage? page = null, CancellationToken ct = default)
    {
        page ??= HistoryPage.All;
        var query = After(Rows.Where(h => h.Kind == HistoryEventKind.UserOperation || h.Kind == HistoryEventKind.Deployment), page, true, descending);
        if (filter.ChainId is { } chainId)
            query = query.Where(h => h.ChainId == chainId);
        if (filter.InstanceId is { } instanceId)
            query = query.OfInstance(instanceId);
        if (filter.TaskId is { } taskId)
            query = query.Where(h => h.TaskId == taskId);
        if (filter.DefinitionId is { } definitionId)
            query = query.Where(h => h.DefinitionId == definitionId);
        if (filter.Actor is { } actor)
            query = query.Where(h => h.Actor == actor);
        if (filter.After is { } after)
            query = query.Where(h => h.Time > after);
        if (filter.Before is { } before)
            query = query.Where(h => h.Time < before);
        if (filter.OperationType is { } operationType)
            query = query.Where(CamundaOperations.OfOperationType(operationType));
        if (filter.EntityType is { } entityType)
            query = query.Where(CamundaOperations.OfEntityType(entityType));
        if (filter.DeploymentId is { } deploymentId)
            query = query.Where(h => h.Kind == HistoryEventKind.Deployment && h.Value == deploymentId);
        var ordered = descending ? query.OrderByDescending(h => h.Time).ThenByDescending(h => h.Id) : query.OrderBy(h => h.Time).ThenBy(h => h.Id);
        return await Paged(ordered, page).Select(h => new HistoricOperation
        {
            Id = h.Id, ChainId = h.ChainId, Kind = h.Kind, Operation = h.Kind == HistoryEventKind.Deployment ? null : h.Name, Time = h.Time,
            Actor = h.Actor, InstanceId = h.InstanceId, DefinitionId = h.DefinitionId, ExecutionId = h.ExecutionId, TaskId = h.TaskId,
            Value = h.Value, Detail = h.Detail, Cursor = new HistoryCursor(h.Time, h.Id),
        }).ToListAsync(ct);
    }
}
