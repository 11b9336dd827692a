using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Persistence;

/// <summary>The header of an instance. <see cref="Revision"/> is the optimistic concurrency token every command bumps.</summary>
public sealed class ProcessInstanceRow
{
    public required string Id { get; set; }
    public required string DefinitionId { get; set; }
    public required string DefinitionKey { get; set; }
    public string? BusinessKey { get; set; }
    public InstanceStatus Status { get; set; }
    public DateTime StartedAt { get; set; }
    public DateTime? EndedAt { get; set; }
    public string? StartedBy { get; set; }
    public string? StartActivityId { get; set; }
    public int Revision { get; set; }
}
