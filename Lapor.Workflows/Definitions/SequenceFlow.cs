namespace Lapor.Workflows.Definitions;

/// <summary>A sequence flow; <see cref="Condition"/> is a <c>${...}</c> expression or null.</summary>
public sealed record SequenceFlow(string Id, string? Name, string SourceId, string TargetId, string? Condition);
