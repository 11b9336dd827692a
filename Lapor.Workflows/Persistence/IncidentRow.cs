namespace Lapor.Workflows.Persistence;

/// <summary>A service task whose attempts are used up. The token waits at the task until an operator retries.</summary>
internal sealed class IncidentRow
{
    public required string Id { get; set; }
    public string Type { get; set; } = Runtime.IncidentTypes.FailedJob;
    public required string InstanceId { get; set; }
    public required string DefinitionId { get; set; }
    public required string ExecutionId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityInstanceId { get; set; }
    public required string Message { get; set; }
    public DateTime CreatedAt { get; set; }
}
