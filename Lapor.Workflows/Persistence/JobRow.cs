using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Persistence;

/// <summary>Work due at a time: a timer, a service-task retry or an async continuation. Quartz triggers name these by id.</summary>
internal sealed class JobRow
{
    public required string Id { get; set; }
    public JobType Type { get; set; }
    public required string InstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public required string ExecutionId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityInstanceId { get; set; }
    public DateTime DueAt { get; set; }
    public int Count { get; set; }
    public string? Error { get; set; }
    public DateTime CreatedAt { get; set; }
}
