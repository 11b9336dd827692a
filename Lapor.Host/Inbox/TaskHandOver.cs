using System.Security.Claims;
using Lapor.Host.Data;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Runtime;

namespace Lapor.Host.Inbox;

/// <summary>
/// Passing a task to a colleague: hand over (the engine's SetAssignee), delegate, and the delegatee's hand-back
/// (resolve). The task is looked up through the inbox's visibility rule and the receiver checked by
/// <see cref="Colleagues"/> before the engine is called, so a refusal changes nothing and leaves no history.
/// </summary>
public sealed class TaskHandOver(TaskInbox inbox, Colleagues colleagues, WorkflowEngine engine)
{
    /// <summary>The holder passes their own task on; supervisors, coordinators and administrators any task they see.</summary>
    public static bool MayHandOver(ClaimsPrincipal user, string? assignee) =>
        TaskInbox.MayAct(user) && ((assignee is not null && assignee == user.Identity?.Name)
            || user.IsInRole(Roles.AgencySupervisor) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Administrator));

    public async Task<HandOverOutcome> PassAsync(ClaimsPrincipal user, string taskId, string? colleague, HandOverKind kind, CancellationToken ct = default)
    {
        if (!TaskInbox.MayAct(user))
            return HandOverOutcome.Forbidden;
        var task = await inbox.FindVisibleAsync(user, taskId, ct);
        if (task is null)
            return HandOverOutcome.NotFound;
        if (!MayHandOver(user, task.Assignee))
            return HandOverOutcome.Forbidden;
        var (outcome, receiver) = await colleagues.CheckAsync(user, task, colleague, ct);
        if (outcome != HandOverOutcome.Done)
            return outcome;
        var actor = user.Identity!.Name;
        return await RunAsync(kind == HandOverKind.Delegate
            ? () => engine.DelegateAsync(taskId, receiver!, actor, ct)
            : () => engine.SetAssigneeAsync(taskId, receiver, actor, ct));
    }

    /// <summary>The delegatee gives the task back to its owner; nobody else may, not even a coordinator (they reassign).</summary>
    public async Task<HandOverOutcome> HandBackAsync(ClaimsPrincipal user, string taskId, CancellationToken ct = default)
    {
        if (!TaskInbox.MayAct(user))
            return HandOverOutcome.Forbidden;
        var task = await inbox.FindVisibleAsync(user, taskId, ct);
        if (task is null)
            return HandOverOutcome.NotFound;
        if (task.DelegationState != TaskInbox.DelegationPending || task.Assignee != user.Identity?.Name)
            return HandOverOutcome.Forbidden;
        return await RunAsync(() => engine.ResolveAsync(taskId, null, user.Identity!.Name, ct));
    }

    private static async Task<HandOverOutcome> RunAsync(Func<Task> command)
    {
        try
        {
            await command();
            return HandOverOutcome.Done;
        }
        catch (WorkflowNotFoundException)
        {
            return HandOverOutcome.NotFound;
        }
        catch (WorkflowException)
        {
            // A conflict, or a delegation resolved in another tab a moment ago: either way the page was out of date.
            return HandOverOutcome.Conflict;
        }
    }
}
