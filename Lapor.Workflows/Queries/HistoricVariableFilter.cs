namespace Lapor.Workflows.Queries;

/// <summary>Which variables (or variable updates) to list; every criterion set must hold.</summary>
public sealed record HistoricVariableFilter
{
    public string? InstanceId { get; init; }
    public string? DefinitionId { get; init; }
    public string? VariableName { get; init; }
    public string? TaskId { get; init; }
}
