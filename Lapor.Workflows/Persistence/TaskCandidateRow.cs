namespace Lapor.Workflows.Persistence;

public enum CandidateKind { User, Group }

/// <summary>One candidate user or group of a task, one row each so "tasks for group X" is an index seek.</summary>
internal sealed class TaskCandidateRow
{
    public long Id { get; set; }
    public required string TaskId { get; set; }
    public CandidateKind Kind { get; set; }
    public required string Value { get; set; }

    /// <summary>
    /// The task's <see cref="TaskRow.Category"/> again: "group X's tasks in category C" is then one index range, where
    /// joining the group's tasks to the category's read both whole (3,800 and 2,200 rows at a million reports).
    /// </summary>
    public string? Category { get; set; }
}
