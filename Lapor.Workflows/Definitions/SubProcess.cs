namespace Lapor.Workflows.Definitions;

/// <summary>An embedded sub-process: a scope with its own none start event.</summary>
public sealed record SubProcess : FlowNode
{
    public override string BpmnType => "subProcess";
    public override bool IsActivity => true;
}
