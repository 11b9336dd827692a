namespace Lapor.Workflows.Queries;

/// <summary>One time a variable was set (Camunda's <c>variableUpdate</c> detail).</summary>
public sealed record HistoricVariableUpdate
{
    /// <summary>The event that set the value, <c>{chainId}:{seq}</c>.</summary>
    public required string Id { get; init; }
    public required string Name { get; init; }
    public required string Type { get; init; }
    public string? StoredValue { get; init; }
    public string? DefinitionId { get; init; }
    public required string InstanceId { get; init; }
    public string? ActivityInstanceId { get; init; }
    public string? ExecutionId { get; init; }
    public string? TaskId { get; init; }
    public required DateTime Time { get; init; }

    /// <summary>The <see cref="HistoricVariable.Id"/> of the variable this update belongs to.</summary>
    public required string VariableInstanceId { get; init; }

    /// <summary>0 for the first value, then one more for each update.</summary>
    public required int Revision { get; init; }

    public bool Initial => Revision == 0;

    public required HistoryCursor Cursor { get; init; }
}
