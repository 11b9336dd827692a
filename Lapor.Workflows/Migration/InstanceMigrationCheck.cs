namespace Lapor.Workflows.Migration;

/// <summary>The planner's answer for one instance: it can move, or every reason why it cannot.</summary>
public sealed record InstanceMigrationCheck(string InstanceId, string? BusinessKey, IReadOnlyList<string> ActivityIds, IReadOnlyList<string> Problems)
{
    public bool CanMove => Problems.Count == 0;
}
