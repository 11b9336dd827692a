namespace Lapor.Workflows.History;

/// <summary>
/// One append-only history row. Rows of a chain (one per process instance, plus one for engine-wide operations such
/// as deployments) are numbered by <see cref="Seq"/>; the rows one command wrote are sealed together by one hash over
/// them and the hash before them (decision 028), so an edited or deleted row breaks the chain at its command.
/// </summary>
internal sealed class HistoryEventRow
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

    /// <summary>
    /// On the last row of a command, the hash sealing the command's rows (<see cref="HistoryHash"/>); empty on the rows
    /// before it. Rows written before decision 028 each carry their own.
    /// </summary>
    public string Hash { get; set; } = "";
}
