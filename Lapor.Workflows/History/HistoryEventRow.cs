namespace Lapor.Workflows.History;

/// <summary>
/// One append-only history row. Rows of a chain (one per process instance, plus one for engine-wide operations such
/// as deployments) are numbered by <see cref="Seq"/>, and each carries the hash of its predecessor, so an edited or
/// deleted row breaks the chain where it happened.
/// </summary>
public sealed class HistoryEventRow
{
    public long Id { get; set; }
    public string ChainId { get; set; } = "";
    public long Seq { get; set; }
    public HistoryEventKind Kind { get; set; }
    public DateTime Time { get; set; }
    public string? Actor { get; set; }
    public string? InstanceId { get; set; }
    public string? DefinitionId { get; set; }
    public string? ActivityId { get; set; }
    public string? ActivityType { get; set; }
    public string? ActivityName { get; set; }
    public string? ActivityInstanceId { get; set; }
    public string? ParentActivityInstanceId { get; set; }
    public string? ExecutionId { get; set; }
    public string? TaskId { get; set; }

    /// <summary>Variable name, operation type (Claim, Complete…) or incident type.</summary>
    public string? Name { get; set; }

    public string? ValueType { get; set; }
    public string? Value { get; set; }

    /// <summary>Extra facts as JSON (task snapshot, operation details, failure message).</summary>
    public string? Detail { get; set; }

    public string PrevHash { get; set; } = "";
    public string Hash { get; set; } = "";
}
