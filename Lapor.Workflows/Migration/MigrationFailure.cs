namespace Lapor.Workflows.Migration;

/// <summary>One instance a batch could not move, and why.</summary>
public sealed record MigrationFailure(string InstanceId, string Message);
