namespace Lapor.Workflows.Queries;

/// <summary>Which process instances to list; every criterion set must hold.</summary>
public sealed record HistoricInstanceFilter
{
    public string? InstanceId { get; init; }
    public string? BusinessKey { get; init; }
    public string? DefinitionKey { get; init; }
    public string? DefinitionId { get; init; }
    public string? StartedBy { get; init; }
    public bool Finished { get; init; }
    public bool Unfinished { get; init; }
    public DateTime? StartedBefore { get; init; }
    public DateTime? StartedAfter { get; init; }
}
