namespace Lapor.Workflows.Definitions;

/// <summary>Waits for whichever of the following catch events happens first.</summary>
public sealed record EventBasedGateway : FlowNode
{
    public override string BpmnType => "eventBasedGateway";
}
