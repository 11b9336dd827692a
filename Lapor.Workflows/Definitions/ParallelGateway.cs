namespace Lapor.Workflows.Definitions;

/// <summary>Forks on every outgoing flow; joins by waiting for a token on every incoming flow.</summary>
public sealed record ParallelGateway : FlowNode
{
    public override string BpmnType => "parallelGateway";
}
