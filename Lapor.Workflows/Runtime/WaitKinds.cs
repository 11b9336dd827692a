namespace Lapor.Workflows.Runtime;

/// <summary>
/// Which kinds of row a token can wait on at a node. Cancelling reads only those, by execution, instead of every
/// wait of the instance: a plain user task without boundary events needs no reads at all.
/// </summary>
[Flags]
internal enum WaitKinds
{
    None = 0,
    Task = 1,
    Job = 2,
    Subscription = 4,
    Incident = 8,
}
