namespace Lapor.Workflows.Queries;

/// <summary>One open task with everything its page needs: the list's facts, its form and who it is offered to.</summary>
public sealed record TaskDetails : TaskSummary
{
    public string? Description { get; init; }
    public string? FormKey { get; init; }
    public IReadOnlyList<string> CandidateUsers { get; init; } = [];
    public IReadOnlyList<string> CandidateGroups { get; init; } = [];
}
