namespace Lapor.Workflows.Definitions;

public enum BoundaryEventKind { Timer, Message, Error, Escalation }

/// <summary>
/// An event attached to an activity. Interrupting (<see cref="CancelActivity"/>) events cancel the activity;
/// non-interrupting ones start a parallel path. <see cref="Code"/> filters error/escalation codes; null catches all.
/// </summary>
public sealed record BoundaryEvent : FlowNode
{
    public required string AttachedToId { get; init; }
    public required BoundaryEventKind Kind { get; init; }
    public bool CancelActivity { get; init; } = true;
    public TimerDefinition? Timer { get; init; }
    public string? MessageName { get; init; }
    public string? Code { get; init; }
    public override string BpmnType => "boundaryEvent";
}
