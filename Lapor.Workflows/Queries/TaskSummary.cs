namespace Lapor.Workflows.Queries;

/// <summary>An open human task as a list shows it. Times are UTC.</summary>
public record TaskSummary
{
    public required string Id { get; init; }
    public string? Name { get; init; }
    public required string TaskDefinitionKey { get; init; }
    public required string InstanceId { get; init; }
    public required string DefinitionId { get; init; }
    public string? Assignee { get; init; }
    public string? Owner { get; init; }

    /// <summary><see cref="Runtime.DelegationStates"/>: pending while the delegatee holds the task.</summary>
    public string? DelegationState { get; init; }

    public int Priority { get; init; }
    public DateTime? Due { get; init; }
    public DateTime? FollowUp { get; init; }
    public DateTime CreatedAt { get; init; }
}
