namespace Lapor.Workflows.Queries;

/// <summary>Which user-operation log entries to list; every criterion set must hold.</summary>
public sealed record HistoricOperationFilter
{
    /// <summary>Only this chain: an instance id, or an engine-wide chain such as the auditors' own.</summary>
    public string? ChainId { get; init; }

    public string? InstanceId { get; init; }
    public string? TaskId { get; init; }
    public string? DefinitionId { get; init; }
    public string? Actor { get; init; }
    public DateTime? After { get; init; }
    public DateTime? Before { get; init; }

    /// <summary>Camunda's operation type (Claim, Assign, Create…), see <see cref="CamundaOperations"/>.</summary>
    public string? OperationType { get; init; }

    /// <summary>Camunda's entity type (Task, ProcessInstance, Deployment…).</summary>
    public string? EntityType { get; init; }

    public string? DeploymentId { get; init; }
}
