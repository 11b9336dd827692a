using System.Globalization;
using System.Net.Http.Headers;
using System.Text;
using Lapor.Host.Data;
using Lapor.Host.Delivery;

namespace Lapor.Host.National;

/// <summary>
/// Pushes one event to the national system: the JSON written when the change was saved, POSTed to the configured
/// endpoint, signed at send time (so a retry hours later still falls inside the receiver's replay window) and carrying
/// the event id as <c>Idempotency-Key</c>. A 2xx answer is delivery; anything else throws and the dispatcher retries.
/// </summary>
public sealed class NationalChannel(NationalSettings settings, IHttpClientFactory clients, TimeProvider clock) : IDeliveryChannel
{
    public const string ChannelName = "national";

    public string Name => ChannelName;

    public bool Enabled => settings.OutboundEnabled;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var body = Encoding.UTF8.GetBytes(message.Body ?? "{}");
        var timestamp = clock.GetUtcNow().ToUnixTimeSeconds();
        // The row's recipient, not today's setting: a message goes where it was addressed when it was written.
        using var request = new HttpRequestMessage(HttpMethod.Post, message.Recipient) { Content = new ByteArrayContent(body) };
        request.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        request.Headers.Add(NationalSignature.TimestampHeader, timestamp.ToString(CultureInfo.InvariantCulture));
        request.Headers.Add(NationalSignature.SignatureHeader, NationalSignature.Sign(settings.Secret, timestamp, body));
        request.Headers.Add(NationalSignature.IdempotencyHeader, message.IdempotencyKey);
        var client = clients.CreateClient(ChannelName);
        client.Timeout = TimeSpan.FromSeconds(settings.TimeoutSeconds);
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var said = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"National system answered {(int)response.StatusCode}: {(said.Length <= 200 ? said : said[..199] + "…")}");
        }
    }
}
