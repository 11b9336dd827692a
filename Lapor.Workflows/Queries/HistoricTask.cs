namespace Lapor.Workflows.Queries;

/// <summary>A user task from creation to completion or deletion, paired from its history events.</summary>
public sealed record HistoricTask
{
    public required string Id { get; init; }
    public string? DefinitionId { get; init; }
    public required string InstanceId { get; init; }
    public string? ExecutionId { get; init; }
    public string? ActivityInstanceId { get; init; }
    public string? Name { get; init; }
    public string? Description { get; init; }

    /// <summary>Why the task ended: the reason of a deletion, or of a completion when one was given.</summary>
    public string? DeleteReason { get; init; }

    public string? Owner { get; init; }
    public string? Assignee { get; init; }
    public required DateTime StartTime { get; init; }
    public DateTime? EndTime { get; init; }
    public required string TaskDefinitionKey { get; init; }
    public int Priority { get; init; }
    public DateTime? Due { get; init; }
    public DateTime? FollowUp { get; init; }

    /// <summary>One of <see cref="HistoricTaskStates"/>.</summary>
    public required string State { get; init; }

    /// <summary>Where this task sits in a list sorted by start time, for <see cref="HistoryPage.After"/>.</summary>
    public required HistoryCursor Cursor { get; init; }

    public long? DurationInMillis => EndTime is { } end ? (long)(end - StartTime).TotalMilliseconds : null;
}
