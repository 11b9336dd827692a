using Lapor.Workflows.History;

namespace Lapor.Workflows.Queries;

/// <summary>One event of a history chain as the engine recorded it, for journals and exports; <see cref="Seq"/> places it in its chain.</summary>
public sealed record HistoryEntry
{
    public required string ChainId { get; init; }
    public required long Seq { get; init; }
    public required HistoryEventKind Kind { get; init; }
    public required DateTime Time { get; init; }
    public string? Actor { get; init; }
    public string? InstanceId { get; init; }
    public string? DefinitionId { get; init; }
    public string? ActivityId { get; init; }
    public string? ActivityType { get; init; }
    public string? ActivityName { get; init; }
    public string? ActivityInstanceId { get; init; }
    public string? ParentActivityInstanceId { get; init; }
    public string? ExecutionId { get; init; }
    public string? TaskId { get; init; }

    /// <summary>Variable name, operation (Claim, Complete…) or incident type.</summary>
    public string? Name { get; init; }

    public string? ValueType { get; init; }
    public string? Value { get; init; }

    /// <summary>Extra facts as JSON (task snapshot, operation details, failure message).</summary>
    public string? Detail { get; init; }

    /// <summary>
    /// On the last event of a command, the hash sealing the command's events, which an export carries so a reader can
    /// check it against the database; empty on the events before it.
    /// </summary>
    public required string Hash { get; init; }
}
