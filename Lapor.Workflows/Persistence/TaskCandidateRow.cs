namespace Lapor.Workflows.Persistence;

public enum CandidateKind { User, Group }

/// <summary>One candidate user or group of a task, one row each so "tasks for group X" is an index seek.</summary>
internal sealed class TaskCandidateRow
{
    public long Id { get; set; }
    public required string TaskId { get; set; }
    public CandidateKind Kind { get; set; }
    public required string Value { get; set; }
}
