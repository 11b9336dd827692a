using Lapor.Workflows.History;
using Lapor.Workflows.Runtime;

namespace Lapor.Workflows.Queries;

public sealed partial class HistoryQuery
{
    /// <summary>The user-operation log (operations and deployments), by time.</summary>
    public async Task<IReadOnlyList<HistoricOperation>> OperationsAsync(
        HistoricOperationFilter filter, bool descending = false, HistoryPage? page = null, CancellationToken ct = default)
    {
        page ??= HistoryPage.All;
        var after = After(page, byTime: true, descending);
        var ofOperationType = filter.OperationType is { } operationType ? CamundaOperations.OfOperationType(operationType) : null;
        var ofEntityType = filter.EntityType is { } entityType ? CamundaOperations.OfEntityType(entityType) : null;
        bool Passes(HistoryEventRow h) =>
            h.Kind is HistoryEventKind.UserOperation or HistoryEventKind.Deployment
            && (filter.InstanceId is not { } instanceId || (h.ChainId == instanceId && h.InstanceId == instanceId))
            && Matches(h.TaskId, filter.TaskId) && Matches(h.DefinitionId, filter.DefinitionId) && Matches(h.Actor, filter.Actor)
            && (filter.After is not { } from || h.Time > from) && (filter.Before is not { } to || h.Time < to)
            && (ofOperationType is null || ofOperationType(h)) && (ofEntityType is null || ofEntityType(h))
            && (filter.DeploymentId is not { } deploymentId || (h.Kind == HistoryEventKind.Deployment && h.Value == deploymentId));

        var chains = await OperationChainsAsync(filter, ct);
        var operations = await ReadAsync(chains, events => events.Where(Passes).Select(h => new HistoricOperation
        {
            Id = EventId(h), ChainId = h.ChainId, Kind = h.Kind, Operation = h.Kind == HistoryEventKind.Deployment ? null : h.Name, Time = h.Time,
            Actor = h.Actor, InstanceId = h.InstanceId, DefinitionId = h.DefinitionId, ExecutionId = h.ExecutionId, TaskId = h.TaskId,
            Value = h.Value, Detail = h.Detail, Cursor = CursorOf(h),
        }).Where(o => after(o.Cursor)), ct);
        return Paged(Order(operations, o => o.Cursor, descending), page).ToList();
    }

    /// <summary>
    /// The chains an operation list reads: the one it names; its instance's or task's; the instances' its definition
    /// selects (operations outside instances name no definition); the engine's alone for deployments, which only it
    /// logs; else every chain, instances' and others alike.
    /// </summary>
    private async Task<IReadOnlyList<string>> OperationChainsAsync(HistoricOperationFilter filter, CancellationToken ct)
    {
        if (filter.ChainId is { } chainId)
            return [chainId];
        if (filter.InstanceId is not null || filter.TaskId is not null || filter.DefinitionId is not null)
            return await ChainsAsync(filter.InstanceId, filter.TaskId, filter.DefinitionId, null, ct);
        if (filter.DeploymentId is not null || filter.EntityType == CamundaOperations.DeploymentEntity)
            return [Deployer.EngineChain];
        return Capped(await Events.ChainIdsAsync(ct));
    }
}
