using Lapor.Host.Data;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace Lapor.Host.Delivery;

/// <summary>
/// Sends a notice over SMTP with MailKit: plain text, plus HTML when the notice has it. The outbox message's idempotency
/// key is the Message-ID, so a second delivery after a crash can be recognised by the receiving side.
/// </summary>
public sealed class EmailChannel(DeliverySettings settings) : IDeliveryChannel
{
    public const string ChannelName = "email";

    public string Name => ChannelName;

    public bool Enabled => settings.Email.Enabled;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var email = settings.Email;
        var mail = new MimeMessage
        {
            Subject = message.Subject ?? "Lapor",
            MessageId = $"{message.IdempotencyKey}@lapor",
            Body = new BodyBuilder { TextBody = message.Body ?? "", HtmlBody = message.HtmlBody }.ToMessageBody(),
        };
        mail.From.Add(new MailboxAddress(email.FromName, email.From));
        mail.To.Add(MailboxAddress.Parse(message.Recipient));
        if (message.BusinessKey is { } code)
            mail.Headers.Add("X-Lapor-Report", code);

        using var client = new SmtpClient { Timeout = email.TimeoutSeconds * 1000 };
        await client.ConnectAsync(email.Host, email.Port, Enum.Parse<SecureSocketOptions>(email.Security, ignoreCase: true), ct);
        if (!string.IsNullOrEmpty(email.UserName))
            await client.AuthenticateAsync(email.UserName, email.Password, ct);
        await client.SendAsync(mail, ct);
        await client.DisconnectAsync(quit: true, ct);
    }
}
