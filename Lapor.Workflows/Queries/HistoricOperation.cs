using Lapor.Workflows.History;

namespace Lapor.Workflows.Queries;

/// <summary>
/// One entry of the user-operation log: an operation on an instance or task, an operation outside any instance, or a
/// deployment. <see cref="OperationType"/> and <see cref="EntityType"/> are Camunda's names for it
/// (<see cref="CamundaOperations"/>), so Camunda tools and filters read them as they would Camunda's own.
/// </summary>
public sealed record HistoricOperation
{
    /// <summary>The event's chain and seq, <c>{chainId}:{seq}</c>: history events have no id of their own.</summary>
    public required string Id { get; init; }
    public required string ChainId { get; init; }

    /// <summary><see cref="HistoryEventKind.UserOperation"/> or <see cref="HistoryEventKind.Deployment"/>.</summary>
    public required HistoryEventKind Kind { get; init; }

    /// <summary>The engine's operation name (Claim, SetAssignee…); null for a deployment.</summary>
    public string? Operation { get; init; }

    public required DateTime Time { get; init; }
    public string? Actor { get; init; }
    public string? InstanceId { get; init; }
    public string? DefinitionId { get; init; }
    public string? ExecutionId { get; init; }
    public string? TaskId { get; init; }

    /// <summary>The operation's subject (a deployment's id, the process key of a saved draft, an export's scope).</summary>
    public string? Value { get; init; }

    /// <summary>The operation's facts as JSON, e.g. <c>{property, orgValue, newValue}</c> for an assignment.</summary>
    public string? Detail { get; init; }

    public string OperationType => Kind == HistoryEventKind.Deployment ? CamundaOperations.Create : CamundaOperations.TypeOf(Operation ?? "", TaskId).OperationType;

    public string EntityType => Kind == HistoryEventKind.Deployment ? CamundaOperations.DeploymentEntity : CamundaOperations.TypeOf(Operation ?? "", TaskId).EntityType;

    public required HistoryCursor Cursor { get; init; }
}
