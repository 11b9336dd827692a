using System.Text.Json;
using System.Text.Json.Serialization;
using Lapor.Domain.Reports;

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

    public static async Task<Outcome> ReadAsync(HttpRequest request, CancellationToken ct)
    {
        if (request.ContentLength > MaxBytes)
            return TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, ct)) > 0)
        {
            if (buffer.Length + read > MaxBytes)
                return TooLarge();
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            return Refused("", "Api.BodyEmpty");
        try
        {
            var body = JsonSerializer.Deserialize<SubmitReportRequest>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json);
            return body is null ? Refused("", "Api.BodyEmpty") : new Outcome(body, null, StatusCodes.Status200OK);
        }
        catch (JsonException ex)
        {
            var field = FieldOf(ex.Path);
            return field == "type"
                ? Refused(field, "Api.TypeInvalid", string.Join(", ", Enum.GetNames<ReportType>()))
                : Refused(field, field.Length == 0 ? "Api.BodyNotJson" : "Api.FieldInvalid");
        }
    }

    private static Outcome TooLarge() =>
        new(null, new FieldError("", "Api.BodyTooLarge", MaxBytes / 1024), StatusCodes.Status413PayloadTooLarge);

    private static Outcome Refused(string field, string key, params object?[] args) =>
        new(null, new FieldError(field, key, args), StatusCodes.Status400BadRequest);

    /// <summary><c>$.reporter.email</c> → <c>reporter.email</c>; the path the JSON reader stopped at names the field.</summary>
    private static string FieldOf(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');
}
