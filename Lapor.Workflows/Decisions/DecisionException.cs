using Lapor.Workflows.Errors;

namespace Lapor.Workflows.Decisions;

/// <summary>A decision could not give a result (two rules hit a UNIQUE table, an aggregator met text…); nothing changes.</summary>
public sealed class DecisionException(string message) : WorkflowException(message, "DecisionEvaluationException");
