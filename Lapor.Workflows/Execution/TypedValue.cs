using System.Globalization;
using System.Text.Json;

namespace Lapor.Workflows.Execution;

/// <summary>
/// A process variable with its Camunda type name (String, Boolean, Integer, Long, Double, Date, Json, Null).
/// Values are normalised to string, bool, long, double, DateTimeOffset or null so they compare and persist predictably.
/// </summary>
public sealed record TypedValue(string Type, object? Value)
{
    public static readonly TypedValue Null = new("Null", null);

    public static TypedValue From(object? value) => value switch
    {
        null => Null,
        TypedValue t => t,
        string s => new("String", s),
        bool b => new("Boolean", b),
        int i => new("Integer", (long)i),
        long l => new("Long", l),
        double d => new("Double", d),
        float f => new("Double", (double)f),
        decimal m => new("Double", (double)m),
        DateTimeOffset dto => new("Date", dto),
        DateTime dt => new("Date", new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind))),
        JsonElement json => FromJson(json, null),
        _ => new("String", Convert.ToString(value, CultureInfo.InvariantCulture)),
    };

    /// <summary>Reads a Camunda REST value such as <c>{"value": 5, "type": "Integer"}</c>; throws with the variable's name when they disagree.</summary>
    public static TypedValue FromJson(JsonElement value, string? type, string name = "value")
    {
        try
        {
            return (type?.ToLowerInvariant(), value.ValueKind) switch
            {
                (_, JsonValueKind.Null or JsonValueKind.Undefined) => Null,
                ("null", _) => Null,
                ("string", _) => new("String", value.ValueKind == JsonValueKind.String ? value.GetString() : value.GetRawText()),
                ("boolean", JsonValueKind.String) => new("Boolean", bool.Parse(value.GetString()!)),
                ("boolean", _) => new("Boolean", value.GetBoolean()),
                ("integer" or "long" or "short", JsonValueKind.String) => new(Capitalize(type!), long.Parse(value.GetString()!, CultureInfo.InvariantCulture)),
                ("integer" or "long" or "short", _) => new(Capitalize(type!), value.GetInt64()),
                ("double", JsonValueKind.String) => new("Double", Finite(double.Parse(value.GetString()!, NumberStyles.Float, CultureInfo.InvariantCulture))),
                ("double", _) => new("Double", Finite(value.GetDouble())),
                ("date", _) => new("Date", DateTimeOffset.Parse(value.GetString()!, CultureInfo.InvariantCulture)),
                ("json" or "object", _) => new("Json", WellFormedJson(value.ValueKind == JsonValueKind.String ? value.GetString()! : value.GetRawText())),
                (null, JsonValueKind.String) => new("String", value.GetString()),
                (null, JsonValueKind.True or JsonValueKind.False) => new("Boolean", value.GetBoolean()),
                (null, JsonValueKind.Number) when value.TryGetInt64(out var l) => new("Long", l),
                (null, JsonValueKind.Number) => new("Double", Finite(value.GetDouble())),
                (null, _) => new("Json", value.GetRawText()),
                _ => throw new FormatException($"type '{type}' is not supported (use String, Boolean, Integer, Long, Double, Date, Json or Null)"),
            };
        }
        catch (Exception ex) when (ex is FormatException or InvalidOperationException or OverflowException or JsonException)
        {
            throw new Errors.WorkflowException($"Cannot read variable '{name}' as {type ?? "an untyped value"}: {ex.Message}", "InvalidRequestException");
        }
    }

    /// <summary>The value as stored in a text column: invariant, round-trippable.</summary>
    public string? Serialize() => Value switch
    {
        null => null,
        bool b => b ? "true" : "false",
        long l => l.ToString(CultureInfo.InvariantCulture),
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        DateTimeOffset dto => dto.ToString("O", CultureInfo.InvariantCulture),
        _ => Convert.ToString(Value, CultureInfo.InvariantCulture),
    };

    public static TypedValue Deserialize(string type, string? text) => (type, text) switch
    {
        (_, null) => Null,
        ("Boolean", _) => new(type, text == "true"),
        ("Integer" or "Long" or "Short", _) => new(type, long.Parse(text, CultureInfo.InvariantCulture)),
        ("Double", _) => new(type, double.Parse(text, CultureInfo.InvariantCulture)),
        ("Date", _) => new(type, DateTimeOffset.Parse(text, CultureInfo.InvariantCulture)),
        _ => new(type, text),
    };

    /// <summary>Deepest nesting a Json variable may have; the reader's own limit, said here so the message can name it.</summary>
    public const int MaxJsonDepth = 64;

    // Infinity and NaN have no JSON form: stored, they would break every list and history page that shows the variable.
    private static double Finite(double value) =>
        double.IsFinite(value) ? value : throw new FormatException("the number must be finite (not NaN, Infinity or beyond ±1.8e308)");

    // A Json variable is stored as text and written back into responses as JSON, so it must be JSON.
    private static string WellFormedJson(string text)
    {
        try
        {
            using var _ = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = MaxJsonDepth });
            return text;
        }
        catch (JsonException ex)
        {
            throw new FormatException($"the value is not well-formed JSON (at most {MaxJsonDepth} levels deep): {ex.Message}", ex);
        }
    }

    private static string Capitalize(string s) => char.ToUpperInvariant(s[0]) + s[1..].ToLowerInvariant();
}
