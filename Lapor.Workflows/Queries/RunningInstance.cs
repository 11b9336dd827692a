namespace Lapor.Workflows.Queries;

/// <summary>A running instance as the operator's list shows it: where it waits and what failed there.</summary>
public sealed record RunningInstance
{
    public required string Id { get; init; }
    public string? BusinessKey { get; init; }
    public required string DefinitionId { get; init; }
    public DateTime StartedAt { get; init; }
    public bool Suspended { get; init; }

    /// <summary>The elements its tokens wait at, in ordinal order.</summary>
    public IReadOnlyList<string> ActivityIds { get; init; } = [];

    public IReadOnlyList<IncidentSummary> Incidents { get; init; } = [];
}
