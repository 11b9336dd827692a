namespace Lapor.Workflows.Definitions;

/// <summary>Waits for a timer or a message; exactly one of <see cref="Timer"/> and <see cref="MessageName"/> is set.</summary>
public sealed record IntermediateCatchEvent : FlowNode
{
    public TimerDefinition? Timer { get; init; }
    public string? MessageName { get; init; }
    public override string BpmnType => "intermediateCatchEvent";
}
