namespace Lapor.Workflows.Runtime;

public enum CorrelationResultType { Execution, ProcessDefinition }

/// <summary>One delivery of a correlated message: to a waiting execution, or as a new instance via a message start event.</summary>
public sealed record CorrelationResult(CorrelationResultType ResultType, string ProcessInstanceId, string? ExecutionId, string? ActivityId);
