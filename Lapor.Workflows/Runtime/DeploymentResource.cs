namespace Lapor.Workflows.Runtime;

/// <summary>One file of a deployment: its name and its BPMN XML.</summary>
public sealed record DeploymentResource(string Name, string Content);
