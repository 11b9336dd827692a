using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Queries;

/// <summary>A process instance as history sees it: running or finished, with the definition it ran on.</summary>
public sealed record HistoricProcessInstance
{
    public required string Id { get; init; }
    public string? BusinessKey { get; init; }
    public required string DefinitionId { get; init; }
    public required string DefinitionKey { get; init; }
    public string? DefinitionName { get; init; }
    public int? DefinitionVersion { get; init; }
    public required DateTime StartTime { get; init; }
    public DateTime? EndTime { get; init; }
    public string? StartedBy { get; init; }
    public string? StartActivityId { get; init; }
    public required InstanceStatus Status { get; init; }

    /// <summary>Camunda's spelling of <see cref="Status"/> (<see cref="InstanceStates"/>).</summary>
    public string State => InstanceStates.Of(Status);
}
