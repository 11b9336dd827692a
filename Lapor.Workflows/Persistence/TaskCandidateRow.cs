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

    /// <summary>
    /// The task's <see cref="TaskRow.Due"/> again, changed with it (<see cref="Runtime.WorkflowEngine.SetDueDateAsync"/>):
    /// a group's tasks are then listed in due order from the candidates' index, so an officer's first page reads its own
    /// rows, where sorting the group's tasks read all of them (3,800 at a million reports).
    /// </summary>
    public DateTime? Due { get; set; }

    /// <summary>The task's <see cref="TaskRow.CreatedAt"/> again: the due order's next key.</summary>
    public DateTime CreatedAt { get; set; }
}
