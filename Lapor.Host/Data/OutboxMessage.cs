namespace Lapor.Host.Data;

/// <summary>
/// One delivery to make: a notice to one address over one channel, or a push to the national connector. It is written
/// in the same transaction as the change it tells about, so nothing is lost when delivery is down, and the dispatcher
/// (<c>Delivery/OutboxDispatcher</c>) sends it at least once, retrying with backoff until it is sent or dead.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; set; }

    /// <summary>The instance that decided it; null for notices about things outside a process (none yet).</summary>
    public string? ProcessInstanceId { get; set; }

    /// <summary>The report's tracking code, when the message concerns one.</summary>
    public string? BusinessKey { get; set; }

    /// <summary>What kind of notice, e.g. <c>reporter.answered</c> or <c>staff.new-task</c>.</summary>
    public required string Template { get; set; }

    /// <summary><c>email</c>, <c>sms</c> or <c>national</c> (see <c>Delivery/Channels</c>).</summary>
    public string Channel { get; set; } = "email";

    /// <summary>
    /// The address (e-mail, +62 phone number, endpoint) — or <c>agency:CODE</c>, which the dispatcher fans out to the
    /// e-mail addresses of that agency's staff when it sends.
    /// </summary>
    public required string Recipient { get; set; }

    public string? Subject { get; set; }

    /// <summary>Plain text (e-mail, SMS) or the JSON document (national connector).</summary>
    public string? Body { get; set; }

    public string? HtmlBody { get; set; }

    /// <summary>Sent along (Message-ID, Idempotency-Key header) so that a receiver can drop a second delivery.</summary>
    public string IdempotencyKey { get; set; } = Guid.NewGuid().ToString("N");

    public DateTime CreatedAt { get; set; }

    public int Attempts { get; set; }

    /// <summary>Not before this time; null means as soon as possible.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    /// <summary>The host holding the message while it sends; another host skips it until <see cref="ClaimedUntil"/>.</summary>
    public string? ClaimedBy { get; set; }

    public DateTime? ClaimedUntil { get; set; }

    public DateTime? SentAt { get; set; }

    /// <summary>Given up: too many failed attempts, or discarded by an administrator.</summary>
    public DateTime? DeadAt { get; set; }
}
