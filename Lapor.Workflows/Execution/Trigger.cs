namespace Lapor.Workflows.Execution;

/// <summary>What happened from outside that makes an instance move. Each runs inside one command.</summary>
public abstract record Trigger
{
    private Trigger() { }

    public sealed record Start(string StartEventId, IReadOnlyDictionary<string, TypedValue> Variables) : Trigger;

    public sealed record CompleteTask(string TokenId, string ActivityInstanceId, IReadOnlyDictionary<string, TypedValue> Variables) : Trigger;

    /// <summary>A message reached a subscription; <see cref="ActivityId"/> is the catching node (receive task, catch or boundary event).</summary>
    public sealed record DeliverMessage(string TokenId, string ActivityId, string ActivityInstanceId, IReadOnlyDictionary<string, TypedValue> Variables) : Trigger;

    /// <summary>A timer job came due; <see cref="Fired"/> counts earlier firings of the same cycle.</summary>
    public sealed record FireTimer(string TokenId, string ActivityId, string ActivityInstanceId, int Fired, DateTimeOffset DueAt) : Trigger;

    /// <summary>An async continuation or a retry of a service task is due: run its handler now.</summary>
    public sealed record InvokeService(string TokenId, string ActivityInstanceId, int AttemptsMade) : Trigger;

    public sealed record ServiceSucceeded(string TokenId, string ActivityInstanceId, IReadOnlyDictionary<string, TypedValue> Variables) : Trigger;

    public sealed record ServiceFailed(string TokenId, string ActivityInstanceId, int AttemptsMade, string Error) : Trigger;

    public sealed record SetVariables(IReadOnlyDictionary<string, TypedValue> Variables) : Trigger;

    /// <summary>An operator ends the instance from outside: every token is cancelled, the instance is externally terminated.</summary>
    public sealed record CancelInstance(string Reason) : Trigger;
}
