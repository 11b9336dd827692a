using System.Runtime.CompilerServices;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>Human task commands, with Camunda 7's semantics for claim, delegate and resolve.</summary>
public sealed partial class WorkflowEngine
{
    public Task ClaimAsync(string taskId, string userId, string? actor, CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, (scope, task) =>
        {
            if (task.Assignee is { } current && current != userId)
                throw new WorkflowConflictException($"Cannot claim task '{taskId}': it is already claimed by another user.", "TaskAlreadyClaimedException");
            Assign(scope, task, "Claim", userId);
        }, ct);

    public Task UnclaimAsync(string taskId, string? actor, CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, (scope, task) => Assign(scope, task, "Unclaim", null), ct);

    public Task SetAssigneeAsync(string taskId, string? userId, string? actor, CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, (scope, task) => Assign(scope, task, "SetAssignee", string.IsNullOrWhiteSpace(userId) ? null : userId), ct);

    /// <summary>The delegatee works on the task, then resolves it back to the owner (the previous assignee).</summary>
    public Task DelegateAsync(string taskId, string userId, string? actor, CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, (scope, task) =>
        {
            task.Owner ??= task.Assignee ?? actor;
            task.DelegationState = DelegationStates.Pending;
            Assign(scope, task, "Delegate", userId);
        }, ct);

    public Task ResolveAsync(string taskId, IReadOnlyDictionary<string, TypedValue>? variables, string? actor, CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, (scope, task) =>
        {
            if (task.DelegationState != DelegationStates.Pending)
                throw new WorkflowException($"Task '{taskId}' is not delegated, so it cannot be resolved.");
            if (variables is { Count: > 0 })
                scope.Interpreter.Apply(new Trigger.SetVariables(variables));
            task.DelegationState = DelegationStates.Resolved;
            Assign(scope, task, "Resolve", task.Owner);
        }, ct);

    public Task CompleteTaskAsync(string taskId, IReadOnlyDictionary<string, TypedValue>? variables, string? actor, CancellationToken ct = default) =>
        OnTaskAsync(taskId, actor, (scope, task) =>
        {
            if (task.DelegationState == DelegationStates.Pending)
                throw new WorkflowException($"Task '{taskId}' is delegated; the delegatee must resolve it before it can be completed.");
            scope.RecordTask(HistoryEventKind.TaskCompleted, task, "completed", actor);
            scope.LogOperation("Complete", taskId, new { variables = variables?.Keys.ToArray() ?? [] });
            db.Remove(task);
            scope.Interpreter.Apply(new Trigger.CompleteTask(task.ExecutionId, task.ActivityInstanceId, variables ?? new Dictionary<string, TypedValue>()));
        }, ct);

    private static void Assign(CommandScope scope, TaskRow task, string operation, string? assignee)
    {
        var before = task.Assignee;
        task.Assignee = assignee;
        task.Revision++;
        scope.LogOperation(operation, task.Id, new { property = "assignee", orgValue = before, newValue = assignee });
        scope.RecordTask(HistoryEventKind.TaskUpdated, task, operation);
    }

    private Task OnTaskAsync(string taskId, string? actor, Action<CommandScope, TaskRow> body, CancellationToken ct,
        [CallerMemberName] string command = "") =>
        InTransactionAsync(async scopes =>
        {
            // Read inside the transaction: a task completed a moment ago by someone else is gone (or conflicts on save).
            var loaded = await RuntimeStore.For(db).TaskWithInstanceAsync(db, taskId, ct)
                         ?? throw await MissingTaskAsync(taskId, ct);
            var task = loaded.Task;
            await RuntimeStore.For(db).CandidatesAsync(db, taskId, ct);
            var instance = loaded.Instance
                           ?? throw new WorkflowNotFoundException($"Process instance '{task.InstanceId}' does not exist.");
            var scope = await CommandScope.LoadAsync(db, new LoadedInstance(instance, loaded.Head), ContextFor, definitions, actor, ct);
            scopes.Add(scope);
            EnsureNotSuspended(scope, $"work on task '{taskId}'");
            body(scope, task);
            await FlushAsync(scope, ct);
            return true;
        }, ct, command);

    /// <summary>A task that is gone was either completed/cancelled (a conflict worth explaining) or never existed.</summary>
    private async Task<WorkflowException> MissingTaskAsync(string taskId, CancellationToken ct)
    {
        var events = new HistoryEvents(db);
        var chain = await events.ChainOfTaskAsync(taskId, ct);
        var end = chain is null
            ? null
            : (await events.OfChainAsync(chain, ct)).FirstOrDefault(h =>
                h.TaskId == taskId && h.Kind is HistoryEventKind.TaskCompleted or HistoryEventKind.TaskDeleted);
        return end is null
            ? new WorkflowNotFoundException($"Cannot find task with id '{taskId}'.")
            : new WorkflowConflictException(end.Kind == HistoryEventKind.TaskCompleted
                ? $"Task '{taskId}' was already completed{(end.Actor is null ? "" : $" by {end.Actor}")} at {end.Time:yyyy-MM-dd HH:mm:ss} UTC."
                : $"Task '{taskId}' is no longer open ({end.Value}).");
    }
}
