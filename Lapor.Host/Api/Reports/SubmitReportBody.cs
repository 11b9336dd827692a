using System.Text.Json;
using System.Text.Json.Serialization;
using Lapor.Domain.Reports;
using Lapor.Host.Localization;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Api.Reports;

/// <summary>
/// Reads the body of <c>POST /api/reports</c> itself rather than through minimal-API binding, so that a body that is
/// not JSON, too large, or has a value of the wrong kind is answered with the field it concerns, in the caller's
/// language, instead of an empty 400 (or, in Development, an exception page).
/// </summary>
public static class SubmitReportBody
{
    /// <summary>Far above the longest report the form allows (title, chronology, location, contact), far below harm.</summary>
    public const int MaxBytes = 64 * 1024;

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter(allowIntegerValues: false) },
        MaxDepth = 8,
    };

    public sealed record Outcome(SubmitReportRequest? Request, FieldError? Error, int Status);

    public static async Task<Outcome> ReadAsync(HttpRequest request, string culture, IStringLocalizer<PortalText> text, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
            return TooLarge(culture, text);
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return TooLarge(culture, text);
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            return Refused("", CultureText.Get(text, "Api.BodyEmpty", culture));
        try
        {
            var body = JsonSerializer.Deserialize<SubmitReportRequest>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json);
            return body is null ? Refused("", CultureText.Get(text, "Api.BodyEmpty", culture)) : new Outcome(body, null, StatusCodes.Status200OK);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            var message = field == "type"
                ? string.Format(System.Globalization.CultureInfo.InvariantCulture, CultureText.Get(text, "Api.TypeInvalid", culture), string.Join(", ", Enum.GetNames<ReportType>()))
                : field.Length == 0
                    ? CultureText.Get(text, "Api.BodyNotJson", culture)
                    : CultureText.Get(text, "Api.FieldInvalid", culture);
            return Refused(field, message);
        }
    }

    private static Outcome TooLarge(string culture, IStringLocalizer<PortalText> text) =>
        new(null, new FieldError("", string.Format(System.Globalization.CultureInfo.InvariantCulture,
            CultureText.Get(text, "Api.BodyTooLarge", culture), MaxBytes / 1024)), StatusCodes.Status413PayloadTooLarge);

    private static Outcome Refused(string field, string message) => new(null, new FieldError(field, message), StatusCodes.Status400BadRequest);

    /// <summary><c>$.reporter.email</c> → <c>reporter.email</c>; the path the JSON reader stopped at names the field.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
