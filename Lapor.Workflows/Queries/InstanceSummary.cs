using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Queries;

/// <summary>The header of a process instance. Times are UTC.</summary>
public sealed record InstanceSummary
{
    public required string Id { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionKey { get; init; }
    public string? BusinessKey { get; init; }
    public InstanceStatus Status { get; init; }
    public DateTime StartedAt { get; init; }
    public DateTime? EndedAt { get; init; }

    /// <summary>Halted by an operator while still running (decision 008).</summary>
    public bool Suspended { get; init; }

    internal static InstanceSummary Of(ProcessInstanceRow i) => new()
    {
        Id = i.Id, DefinitionId = i.DefinitionId, DefinitionKey = i.DefinitionKey, BusinessKey = i.BusinessKey,
        Status = i.Status, StartedAt = i.StartedAt, EndedAt = i.EndedAt, Suspended = i.Suspended,
    };
}
