namespace Lapor.Workflows.Queries;

/// <summary>One visit of a flow node, paired from its start and end events.</summary>
public sealed record HistoricActivity
{
    public required string Id { get; init; }
    public string? ParentActivityInstanceId { get; init; }
    public required string ActivityId { get; init; }
    public string? ActivityName { get; init; }
    public string? ActivityType { get; init; }
    public string? DefinitionId { get; init; }
    public required string InstanceId { get; init; }
    public string? ExecutionId { get; init; }

    /// <summary>The user task created by this visit, if the node is one.</summary>
    public string? TaskId { get; init; }

    public string? Assignee { get; init; }
    public required DateTime StartTime { get; init; }
    public DateTime? EndTime { get; init; }
    public bool Canceled { get; init; }

    /// <summary>Camunda marks the visit that completes its scope; in a BPMN process that is an end event's.</summary>
    public bool CompleteScope { get; init; }

    public required HistoryCursor Cursor { get; init; }

    public long? DurationInMillis => EndTime is { } end ? (long)(end - StartTime).TotalMilliseconds : null;
}
