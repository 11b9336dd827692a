namespace Lapor.Workflows.Execution;

/// <summary>A human task as the interpreter creates it, with every expression already evaluated.</summary>
public sealed record NewHumanTask(
    string Id,
    string TokenId,
    string ActivityInstanceId,
    string TaskDefinitionKey,
    string? Name,
    string? Description,
    string? Assignee,
    IReadOnlyList<string> CandidateUsers,
    IReadOnlyList<string> CandidateGroups,
    DateTimeOffset? Due,
    DateTimeOffset? FollowUp,
    int Priority,
    string? FormKey);
