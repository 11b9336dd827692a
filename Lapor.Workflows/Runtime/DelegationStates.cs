namespace Lapor.Workflows.Runtime;

/// <summary>
/// A task's delegation state, spelt as Camunda spells it so REST clients read the same words: <see cref="Pending"/>
/// while the delegatee holds the task, <see cref="Resolved"/> once they handed it back to the owner.
/// </summary>
public static class DelegationStates
{
    public const string Pending = "PENDING";
    public const string Resolved = "RESOLVED";
}
