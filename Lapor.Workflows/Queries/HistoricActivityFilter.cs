namespace Lapor.Workflows.Queries;

/// <summary>Which node visits to list; every criterion set must hold.</summary>
public sealed record HistoricActivityFilter
{
    public string? InstanceId { get; init; }
    public string? DefinitionId { get; init; }
    public string? ActivityInstanceId { get; init; }
    public string? ActivityId { get; init; }
    public string? ActivityType { get; init; }
    public string? ExecutionId { get; init; }
    public bool Finished { get; init; }
    public bool Unfinished { get; init; }
    public bool Canceled { get; init; }
    public bool CompleteScope { get; init; }
}
