namespace Lapor.Workflows.Queries;

/// <summary>
/// Where the previous page of a long task list ended: the last task's sort keys. Reading "after" it is an index range
/// rather than skipping every earlier row, so page 500 costs what page 1 does; tasks created meanwhile are not repeated.
/// </summary>
public sealed record TaskCursor
{
    public required string Id { get; init; }
    public int Priority { get; init; }
    public DateTime? Due { get; init; }
    public DateTime CreatedAt { get; init; }

    public static TaskCursor After(TaskSummary last) =>
        new() { Id = last.Id, Priority = last.Priority, Due = last.Due, CreatedAt = last.CreatedAt };
}
