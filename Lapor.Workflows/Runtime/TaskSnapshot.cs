using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Runtime;

/// <summary>The facts of a task kept in its history rows (JSON), so task history survives the runtime row.</summary>
public sealed record TaskSnapshot(
    string? Name, string TaskDefinitionKey, string? Assignee, string? Owner, string? DelegationState, int Priority,
    DateTime? Due, DateTime? FollowUp, string? FormKey, DateTime Created, string? Description,
    IReadOnlyList<string> CandidateUsers, IReadOnlyList<string> CandidateGroups)
{
    internal static TaskSnapshot Of(TaskRow t) => new(
        t.Name, t.TaskDefinitionKey, t.Assignee, t.Owner, t.DelegationState, t.Priority, t.Due, t.FollowUp, t.FormKey, t.CreatedAt, t.Description,
        t.Candidates.Where(c => c.Kind == CandidateKind.User).Select(c => c.Value).ToList(),
        t.Candidates.Where(c => c.Kind == CandidateKind.Group).Select(c => c.Value).ToList());
}
