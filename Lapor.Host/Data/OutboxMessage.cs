namespace Lapor.Host.Data;

/// <summary>
/// A notification decided by a process (reminder, escalation…), stored in the same transaction as the step that
/// decided it; a sender delivers and stamps <see cref="SentAt"/>. Nothing is lost if delivery is down.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }
    public required string ProcessInstanceId { get; set; }
    public string? BusinessKey { get; set; }
    public required string Template { get; set; }
    public required string Recipient { get; set; }
    public DateTime CreatedAt { get; set; }
    public DateTime? SentAt { get; set; }
}
