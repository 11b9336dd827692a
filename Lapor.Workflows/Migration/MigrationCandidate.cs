using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Migration;

/// <summary>What the planner needs to know about one instance: its version, state and where its tokens wait.</summary>
public sealed record MigrationCandidate(
    string InstanceId,
    string? BusinessKey,
    string DefinitionId,
    InstanceStatus Status,
    bool Suspended,
    IReadOnlyList<MigrationCandidate.Position> Positions)
{
    /// <summary>A token: where it waits, and the token of the sub-process around it (null at process level).</summary>
    public sealed record Position(string TokenId, string ActivityId, string? ScopeTokenId);
}
