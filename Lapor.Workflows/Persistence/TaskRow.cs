namespace Lapor.Workflows.Persistence;

/// <summary>An open human task. Inbox queries filter by assignee, candidates, due date and instance, so those are indexed.</summary>
internal sealed class TaskRow
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string ExecutionId { get; set; }
    public required string ActivityInstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public required string TaskDefinitionKey { get; set; }
    public string? Name { get; set; }
    public string? Description { get; set; }
    public string? Assignee { get; set; }
    public string? Owner { get; set; }
    public string? DelegationState { get; set; }
    public int Priority { get; set; }
    public DateTime? Due { get; set; }
    public DateTime? FollowUp { get; set; }
    public string? FormKey { get; set; }
    public DateTime CreatedAt { get; set; }
    public int Revision { get; set; }

    /// <summary>The instance's <see cref="ProcessInstanceRow.Category"/>, here so lists narrowed to it seek an index.</summary>
    public string? Category { get; set; }
    public List<TaskCandidateRow> Candidates { get; set; } = [];
}
