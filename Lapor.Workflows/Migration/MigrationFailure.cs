namespace Lapor.Workflows.Migration;

/// <summary>One instance a batch could not move, and why (the reasons when the planner refused it, else only the message).</summary>
public sealed record MigrationFailure(string InstanceId, string Message, IReadOnlyList<MigrationReason>? Reasons = null);
