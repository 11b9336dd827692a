namespace Lapor.Workflows.Persistence;

/// <summary>A token waiting for a named message, at a receive task, catch event or boundary event.</summary>
internal sealed class MessageSubscriptionRow
{
    public required string Id { get; set; }
    public required string InstanceId { get; set; }
    public required string ExecutionId { get; set; }
    public required string ActivityId { get; set; }
    public required string ActivityInstanceId { get; set; }
    public required string MessageName { get; set; }
    public DateTime CreatedAt { get; set; }
}
