using Lapor.Host.Data;

namespace Lapor.Host.Delivery;

/// <summary>
/// One way out of Lapor (e-mail, an SMS/WhatsApp gateway, the national connector). <see cref="SendAsync"/> returns
/// when the other side accepted the message and throws otherwise; the dispatcher retries, so a channel passes the
/// message's idempotency key along for the receiver to drop a repeat.
/// </summary>
public interface IDeliveryChannel
{
    /// <summary>The <see cref="OutboxMessage.Channel"/> value it sends.</summary>
    string Name { get; }

    bool Enabled { get; }

    Task SendAsync(OutboxMessage message, CancellationToken ct);
}
