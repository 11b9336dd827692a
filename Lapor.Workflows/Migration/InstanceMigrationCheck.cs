namespace Lapor.Workflows.Migration;

/// <summary>The planner's answer for one instance: where it waits, and that it can move or every reason why it cannot.</summary>
public sealed record InstanceMigrationCheck(string InstanceId, string? BusinessKey, IReadOnlyList<string> ActivityIds, IReadOnlyList<MigrationReason> Reasons)
{
    public bool CanMove => Reasons.Count == 0;

    /// <summary>The reasons in English.</summary>
    public IReadOnlyList<string> Problems => Reasons.Select(r => r.Message).ToList();
}
