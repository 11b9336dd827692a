namespace Lapor.Workflows.Queries;

/// <summary>Which historic tasks to list; every criterion set must hold.</summary>
public sealed record HistoricTaskFilter
{
    public string? InstanceId { get; init; }
    public string? DefinitionId { get; init; }
    public string? DefinitionKey { get; init; }
    public string? TaskId { get; init; }
    public string? ExecutionId { get; init; }
    public IReadOnlyList<string>? ActivityInstanceIds { get; init; }
    public string? TaskDefinitionKey { get; init; }

    /// <summary>The assignee the task has (or had when it ended).</summary>
    public string? Assignee { get; init; }

    public string? Owner { get; init; }
    public bool Finished { get; init; }
    public bool Unfinished { get; init; }
}
