using System.Text.Encodings.Web;
using System.Text.Json.Serialization;
using System.Text.Json;
using Lapor.Workflows.Errors;
using Microsoft.AspNetCore.Http;

namespace Lapor.Workflows.Rest;

/// <summary>
/// JSON as Camunda clients expect it: camelCase properties, nulls written out (Camunda never omits a field),
/// variable names kept as they are, and dates in Camunda's format.
/// </summary>
internal static class EngineRestJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.Never,
        MaxDepth = MaxDepth,
        // The API serves JSON only, never HTML, so '+' in offsets and non-ASCII names need not be escaped.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new DateTimeConverter(), new DateTimeOffsetConverter() },
        // A non-finite number stored before the engine refused them is written as "NaN"/"Infinity" rather than
        // failing the whole response: one bad variable must not break a list of every instance.
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>Largest JSON body read: variables and queries are small; BPMN files come as multipart with their own limit.</summary>
    public const int MaxBodyBytes = 1024 * 1024;

    /// <summary>Deepest JSON nesting read from a client (a Json variable has its own, smaller limit).</summary>
    public const int MaxDepth = 64;

    private static BadHttpRequestException TooLarge() =>
        new($"The request body is larger than {MaxBodyBytes / 1024} KB, the limit for JSON requests.", StatusCodes.Status413PayloadTooLarge);

    public static IResult Ok(object? value) => Results.Json(value, Options);

    public static IResult Status(int status, object? value) => Results.Json(value, Options, statusCode: status);

    /// <summary>
    /// Reads a JSON body; an empty body gives null. Bodies are read here rather than bound by minimal APIs so that
    /// malformed JSON is answered with Camunda's error shape instead of an empty 400.
    /// </summary>
    public static async Task<T?> ReadBodyAsync<T>(HttpRequest request) where T : class
    {
        if (request.ContentLength > MaxBodyBytes)
            throw TooLarge();
        using var buffer = new MemoryStream();
        var chunk = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, request.HttpContext.RequestAborted)) > 0)
        {
            if (buffer.Length + read > MaxBodyBytes)
                throw TooLarge();
            buffer.Write(chunk, 0, read);
        }
        if (buffer.Length == 0)
            return null;
        buffer.Position = 0;
        try
        {
            return await JsonSerializer.DeserializeAsync<T>(buffer, Options, request.HttpContext.RequestAborted);
        }
        catch (JsonException ex)
        {
            throw new WorkflowException($"The request body is not valid JSON for this request: {ex.Message}", "InvalidRequestException");
        }
    }

    private sealed class DateTimeConverter : JsonConverter<DateTime>
    {
        public override DateTime Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CamundaDate.TryParse(reader.GetString(), out var value)
                ? value.UtcDateTime
                : throw new JsonException($"'{reader.GetString()}' is not a date.");

        public override void Write(Utf8JsonWriter writer, DateTime value, JsonSerializerOptions options) =>
            writer.WriteStringValue(CamundaDate.Format(value));
    }

    private sealed class DateTimeOffsetConverter : JsonConverter<DateTimeOffset>
    {
        public override DateTimeOffset Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
            CamundaDate.TryParse(reader.GetString(), out var value)
                ? value
                : throw new JsonException($"'{reader.GetString()}' is not a date.");

        public override void Write(Utf8JsonWriter writer, DateTimeOffset value, JsonSerializerOptions options) =>
            writer.WriteStringValue(CamundaDate.Format(value));
    }
}
