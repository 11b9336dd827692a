using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Runtime;

/// <summary>Camunda's <c>POST /message</c> body: which message, whom it is for, and what variables it brings.</summary>
public sealed record MessageCorrelation(
    string MessageName,
    string? BusinessKey = null,
    string? ProcessInstanceId = null,
    IReadOnlyDictionary<string, TypedValue>? CorrelationKeys = null,
    IReadOnlyDictionary<string, TypedValue>? Variables = null,
    bool All = false);
