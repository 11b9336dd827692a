namespace Lapor.Workflows.Migration;

/// <summary>A token waiting at <see cref="SourceActivityId"/> of the source version moves to <see cref="TargetActivityId"/> of the target.</summary>
public sealed record MigrationInstruction(string SourceActivityId, string TargetActivityId);
