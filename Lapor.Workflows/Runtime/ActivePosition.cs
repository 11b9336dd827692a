using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Runtime;

/// <summary>Where a token of an instance waits, with the element's name, type and <c>camunda:properties</c>.</summary>
public sealed record ActivePosition(
    string ExecutionId,
    string ActivityId,
    string? ActivityName,
    string ActivityType,
    TokenState State,
    string? ScopeExecutionId,
    IReadOnlyDictionary<string, string> Properties);
