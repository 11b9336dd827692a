namespace Lapor.Workflows.Definitions;

/// <summary>Waits for a message with <see cref="MessageName"/>.</summary>
public sealed record ReceiveTask : FlowNode
{
    public required string MessageName { get; init; }
    public override string BpmnType => "receiveTask";
    public override bool IsActivity => true;
}
