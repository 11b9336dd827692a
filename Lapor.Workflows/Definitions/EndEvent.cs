namespace Lapor.Workflows.Definitions;

public enum EndEventKind { None, Terminate, Error, Escalation }

/// <summary>An end event; for error and escalation ends, <see cref="Code"/> is the thrown errorCode / escalationCode.</summary>
public sealed record EndEvent : FlowNode
{
    public EndEventKind Kind { get; init; }
    public string? Code { get; init; }
    public override string BpmnType => "endEvent";
}
