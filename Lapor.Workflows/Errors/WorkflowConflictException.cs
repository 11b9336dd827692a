namespace Lapor.Workflows.Errors;

/// <summary>
/// Someone else changed the same instance or task first (optimistic concurrency), or the task is already claimed.
/// Nothing was changed; the caller may reload and try again (REST: 409).
/// </summary>
public sealed class WorkflowConflictException(string message, string type = "OptimisticLockingException") : WorkflowException(message, type);
