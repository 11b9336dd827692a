namespace Lapor.Workflows.Queries;

/// <summary>
/// A variable's latest value in an instance. <see cref="Id"/> names the history event that first set it
/// (<c>{chainId}:{seq}</c>), which every later update (<see cref="HistoricVariableUpdate.VariableInstanceId"/>) points at.
/// </summary>
public sealed record HistoricVariable
{
    public required string Id { get; init; }
    public required string Name { get; init; }

    /// <summary>The engine's type name (String, Integer, Json…); "Null" for a null value.</summary>
    public required string Type { get; init; }

    /// <summary>The value as stored (see <see cref="Execution.TypedValue.Deserialize"/>).</summary>
    public string? StoredValue { get; init; }

    public string? DefinitionId { get; init; }
    public required string InstanceId { get; init; }
    public string? ExecutionId { get; init; }
    public string? TaskId { get; init; }
    public required DateTime CreateTime { get; init; }
}
