using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// What an operator does to a running instance from outside its process: suspend, resume, cancel. Each is one
/// transaction and one row in the user-operation log with the reason (operation types as in Camunda 7:
/// <c>Suspend</c>, <c>Activate</c>, <c>Delete</c>). Retrying an incident is <see cref="RetryIncidentAsync"/>.
/// </summary>
public sealed partial class WorkflowEngine
{
    public const int OperationReasonMaxLength = 1000;
    public const string SuspendOperation = "Suspend";
    public const string ActivateOperation = "Activate";
    public const string CancelOperation = "Delete";

    /// <summary>
    /// Halts the instance: completing or claiming its tasks, correlating messages to it and retrying its incidents are
    /// refused, and its timers and jobs stay in place until <see cref="ResumeAsync"/>. Nothing is moved or deleted.
    /// </summary>
    public Task SuspendAsync(string instanceId, string reason, string? actor, CancellationToken ct = default)
    {
        var why = RequireReason(reason, "suspend a process instance");
        return OnInstanceAsync(instanceId, actor, scope =>
        {
            EnsureRunning(scope, "suspend");
            if (scope.Instance.Suspended)
                throw new WorkflowConflictException($"Process instance '{instanceId}' is already suspended.", SuspendedType);
            scope.Instance.Suspended = true;
            scope.LogOperation(SuspendOperation, null, new { property = "suspensionState", orgValue = "active", newValue = "suspended", reason = why });
            return Task.FromResult(true);
        }, ct);
    }

    /// <summary>
    /// Lets the instance run again. Timers that came due while it was suspended fire now (their due time is not
    /// shifted): every job of the instance is handed to the scheduler again after commit.
    /// </summary>
    public Task ResumeAsync(string instanceId, string? reason, string? actor, CancellationToken ct = default)
    {
        var why = OptionalReason(reason);
        return OnInstanceAsync(instanceId, actor, async scope =>
        {
            EnsureRunning(scope, "resume");
            if (!scope.Instance.Suspended)
                throw new WorkflowConflictException($"Process instance '{instanceId}' is not suspended.", SuspendedType);
            scope.Instance.Suspended = false;
            scope.NewJobs.AddRange(await db.Set<JobRow>().AsNoTracking().Where(j => j.InstanceId == instanceId).ToListAsync(ct));
            scope.LogOperation(ActivateOperation, null, new { property = "suspensionState", orgValue = "suspended", newValue = "active", reason = why });
            return true;
        }, ct);
    }

    /// <summary>
    /// Ends the instance as externally terminated: every token is cancelled with its tasks, timers, subscriptions and
    /// incidents, each ended activity gets its history row, and the instance listeners hear the end (the host closes
    /// the report). Allowed on a suspended instance.
    /// </summary>
    public Task CancelAsync(string instanceId, string reason, string? actor, CancellationToken ct = default)
    {
        var why = RequireReason(reason, "cancel a process instance");
        return OnInstanceAsync(instanceId, actor, scope =>
        {
            EnsureRunning(scope, "cancel");
            scope.LogOperation(CancelOperation, null, new { reason = why, wasSuspended = scope.Instance.Suspended });
            scope.Instance.Suspended = false;
            scope.Interpreter.Apply(new Trigger.CancelInstance($"cancelled: {why}"));
            return Task.FromResult(true);
        }, ct);
    }

    /// <summary>The REST type of the conflict a suspended instance answers with (Camunda's name for it).</summary>
    public const string SuspendedType = "SuspendedEntityInteractionException";

    private static void EnsureRunning(CommandScope scope, string what)
    {
        if (scope.Instance.Status != InstanceStatus.Active)
            throw new WorkflowConflictException($"Cannot {what} process instance '{scope.Instance.Id}': it has already ended ({scope.Instance.Status}).");
    }

    /// <summary>Refuses work on a suspended instance with a conflict that says what to do about it.</summary>
    private static void EnsureNotSuspended(CommandScope scope, string what)
    {
        if (scope.Instance.Suspended)
            throw new WorkflowConflictException(
                $"Cannot {what}: process instance '{scope.Instance.Id}' is suspended. Resume it first.", SuspendedType);
    }

    private static string RequireReason(string? reason, string what)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new WorkflowException($"A reason is required to {what}.", "InvalidRequestException");
        return OptionalReason(reason)!;
    }

    private static string? OptionalReason(string? reason)
    {
        if (string.IsNullOrWhiteSpace(reason))
            return null;
        if (reason.Length > OperationReasonMaxLength)
            throw new WorkflowException($"The reason may have at most {OperationReasonMaxLength} characters.", "InvalidRequestException");
        return reason.Trim();
    }
}
