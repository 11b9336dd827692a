using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// The header of an instance. Concurrent commands on one instance are caught by its history chain head, whose revision
/// every command moves on (<see cref="History.HistoryWriter"/>); <see cref="Revision"/> stays a concurrency token
/// for writers outside the engine.
/// </summary>
internal sealed class ProcessInstanceRow
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public string? BusinessKey { get; set; }

    /// <summary>The caller's grouping given at the start (<see cref="Runtime.StartRequest.Category"/>), copied to each task.</summary>
    public string? Category { get; set; }
    public InstanceStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? StartedBy { get; set; }
    public string? StartActivityId { get; set; }
    public int Revision { get; set; }

    /// <summary>
    /// Halted by an operator: its tasks, messages, timers and jobs are refused or wait until it is resumed. A flag
    /// beside <see cref="Status"/> rather than a status of its own, because a suspended instance is still running
    /// (everything that asks "has it ended?" keeps its answer). Decision 008.
    /// </summary>
    public bool Suspended { get; set; }
}
