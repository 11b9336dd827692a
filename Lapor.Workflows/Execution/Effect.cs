using Lapor.Workflows.Definitions;

namespace Lapor.Workflows.Execution;

/// <summary>What the interpreter asks the runtime to record or do. The runtime turns these into rows in one transaction.</summary>
public abstract record Effect
{
    private Effect() { }

    /// <summary>A token entered <see cref="Node"/>; <see cref="FlowId"/> is the sequence flow it took to get there, if any.</summary>
    public sealed record ActivityStarted(string ActivityInstanceId, string? ParentActivityInstanceId, string TokenId, FlowNode Node, string? FlowId = null) : Effect;

    public sealed record ActivityEnded(string ActivityInstanceId, string TokenId, FlowNode Node, bool Canceled) : Effect;

    public sealed record HumanTaskCreated(NewHumanTask Task) : Effect;

    /// <summary>
    /// Everything the token waits on at <see cref="Node"/> (its task, timers, subscriptions, incidents) is gone;
    /// <see cref="Reason"/> goes to history. The node tells the runtime which kinds of wait can exist at all.
    /// </summary>
    public sealed record WaitsCancelled(string TokenId, FlowNode Node, string Reason) : Effect;

    public sealed record JobCreated(NewJob Job) : Effect;

    public sealed record SubscriptionCreated(string TokenId, string ActivityId, string ActivityInstanceId, string MessageName) : Effect;

    public sealed record ServiceInvocationRequested(string TokenId, string ActivityInstanceId, ServiceTask Node, int AttemptsMade) : Effect;

    public sealed record VariableChanged(string Name, TypedValue? OldValue, TypedValue NewValue) : Effect;

    public sealed record IncidentRaised(string TokenId, string ActivityId, string ActivityInstanceId, string Message) : Effect;

    public sealed record InstanceEnded(InstanceStatus Status) : Effect;
}
