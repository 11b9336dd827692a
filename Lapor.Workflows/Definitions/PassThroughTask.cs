namespace Lapor.Workflows.Definitions;

/// <summary>A manual task, a plain task or a none intermediate throw event: the engine just moves on.</summary>
public sealed record PassThroughTask : FlowNode
{
    public required string ElementName { get; init; }
    public override string BpmnType => ElementName;
    public override bool IsActivity => ElementName is "task" or "manualTask";
}
