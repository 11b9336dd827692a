namespace Lapor.Host.Inbox;

/// <summary>
/// Handing over gives the task away for good; delegating lends it: the delegatee works on it and resolves it back to
/// the owner, who completes it (Camunda's delegation).
/// </summary>
public enum HandOverKind
{
    HandOver,
    Delegate,
}
