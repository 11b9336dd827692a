using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lapor.Host.Data;

namespace Lapor.Host.Delivery;

/// <summary>
/// Short messages (SMS or WhatsApp) through the province's provider: one HTTP POST to a configured URL with a body
/// made from a template, so any provider that takes a recipient and a text can be plugged in without code. A 2xx answer
/// is delivery; anything else is retried. The idempotency key goes along as the <c>Idempotency-Key</c> header.
/// </summary>
public sealed class SmsGatewayChannel(DeliverySettings settings, IHttpClientFactory clients) : IDeliveryChannel
{
    public const string ChannelName = "sms";

    /// <summary>A notice longer than this is cut: SMS providers split and bill per 160 characters.</summary>
    public const int MaxLength = 320;

    public string Name => ChannelName;

    public bool Enabled => settings.Sms.Enabled;

    public async Task SendAsync(OutboxMessage message, CancellationToken ct)
    {
        var sms = settings.Sms;
        var body = Fill(sms.BodyTemplate, sms.ContentType, message.Recipient, message.Body ?? "", message.IdempotencyKey);
        using var request = new HttpRequestMessage(HttpMethod.Post, sms.Url)
        {
            Content = new StringContent(body, Encoding.UTF8, MediaTypeHeaderValue.Parse(sms.ContentType).MediaType!),
        };
        request.Headers.Add("Idempotency-Key", message.IdempotencyKey);
        if (!string.IsNullOrEmpty(sms.Token))
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", sms.Token);
        var client = clients.CreateClient(ChannelName);
        client.Timeout = TimeSpan.FromSeconds(sms.TimeoutSeconds);
        using var response = await client.SendAsync(request, ct);
        if (!response.IsSuccessStatusCode)
        {
            var said = await response.Content.ReadAsStringAsync(ct);
            throw new HttpRequestException($"SMS gateway answered {(int)response.StatusCode}: {Trim(said, 200)}");
        }
    }

    /// <summary>The template with its placeholders filled; values are JSON-escaped for a JSON body, URL-encoded for a form.</summary>
    public static string Fill(string template, string contentType, string to, string text, string id)
    {
        Func<string, string> escape = contentType.Contains("json", StringComparison.OrdinalIgnoreCase)
            ? v => JsonEncodedText.Encode(v, System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping).ToString()
            : contentType.Contains("x-www-form-urlencoded", StringComparison.OrdinalIgnoreCase) ? Uri.EscapeDataString : v => v;
        return template.Replace("{to}", escape(to)).Replace("{text}", escape(Trim(text, MaxLength))).Replace("{id}", escape(id));
    }

    private static string Trim(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";
}
