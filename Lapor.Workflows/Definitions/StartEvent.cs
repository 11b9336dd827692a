namespace Lapor.Workflows.Definitions;

/// <summary>A none start event, or a message start event when <see cref="MessageName"/> is set.</summary>
public sealed record StartEvent : FlowNode
{
    public string? MessageName { get; init; }
    public override string BpmnType => "startEvent";
}
