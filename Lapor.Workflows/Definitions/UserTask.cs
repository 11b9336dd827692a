namespace Lapor.Workflows.Definitions;

/// <summary>A human task with its Camunda 7 attributes. Attribute values may contain <c>${...}</c> expressions.</summary>
public sealed record UserTask : FlowNode
{
    public string? Assignee { get; init; }
    public string? CandidateUsers { get; init; }
    public string? CandidateGroups { get; init; }
    public string? DueDate { get; init; }
    public string? FollowUpDate { get; init; }
    public string? Priority { get; init; }
    public string? FormKey { get; init; }
    public string? Documentation { get; init; }
    public IReadOnlyList<FormField> FormFields { get; init; } = [];
    public override string BpmnType => "userTask";
    public override bool IsActivity => true;
}
