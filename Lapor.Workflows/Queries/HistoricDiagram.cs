namespace Lapor.Workflows.Queries;

/// <summary>The exact definition version an instance ran on, with its BPMN XML, for drawing what history recorded.</summary>
public sealed record HistoricDiagram
{
    public required string Id { get; init; }
    public required string Key { get; init; }
    public required int Version { get; init; }
    public required string Xml { get; init; }
}
