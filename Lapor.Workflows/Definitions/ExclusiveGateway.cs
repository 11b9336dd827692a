namespace Lapor.Workflows.Definitions;

/// <summary>Takes the first outgoing flow whose condition holds, else the default flow.</summary>
public sealed record ExclusiveGateway : FlowNode
{
    public string? DefaultFlowId { get; init; }
    public override string BpmnType => "exclusiveGateway";
}
