using System.Globalization;
using System.Text.Json;

namespace Lapor.Workflows.Decisions.Feel;

/// <summary>
/// How FEEL compares the values a decision sees. Numbers of any CLR type compare as numbers, strings ordinally,
/// booleans and dates among themselves; values of different kinds are never equal and have no order.
/// </summary>
public static class FeelValues
{
    /// <summary>Brings a variable value into one of: null, string, bool, decimal, DateTimeOffset (or leaves it as is).</summary>
    public static object? Normalise(object? value) => value switch
    {
        null => null,
        int i => (decimal)i,
        long l => (decimal)l,
        short s => (decimal)s,
        double d when double.IsFinite(d) && Math.Abs(d) < 7.9e28 => (decimal)d,
        float f when float.IsFinite(f) && Math.Abs(f) < 7.9e28 => (decimal)f,
        DateTime dt => new DateTimeOffset(DateTime.SpecifyKind(dt, dt.Kind == DateTimeKind.Unspecified ? DateTimeKind.Utc : dt.Kind)),
        JsonElement json => json.ValueKind switch
        {
            JsonValueKind.String => json.GetString(),
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Number => json.GetDecimal(),
            JsonValueKind.Null or JsonValueKind.Undefined => null,
            _ => json,
        },
        _ => value,
    };

    public static bool AreEqual(object? left, object? right)
    {
        left = Normalise(left);
        right = Normalise(right);
        return (left, right) switch
        {
            (null, null) => true,
            (null, _) or (_, null) => false,
            (decimal a, decimal b) => a == b,
            (string a, string b) => string.Equals(a, b, StringComparison.Ordinal),
            (bool a, bool b) => a == b,
            (DateTimeOffset a, DateTimeOffset b) => a == b,
            _ => false,
        };
    }

    /// <summary>Negative, zero or positive like <see cref="IComparer{T}"/>; null when the two cannot be ordered.</summary>
    public static int? Compare(object? left, object? right)
    {
        left = Normalise(left);
        right = Normalise(right);
        return (left, right) switch
        {
            (decimal a, decimal b) => a.CompareTo(b),
            (string a, string b) => string.CompareOrdinal(a, b),
            (DateTimeOffset a, DateTimeOffset b) => a.CompareTo(b),
            _ => null,
        };
    }

    /// <summary>How a value reads in messages and in the auditor's viewer: strings quoted, like FEEL writes them.</summary>
    public static string Describe(object? value) => Normalise(value) switch
    {
        null => "null",
        string s => "\"" + s + "\"",
        bool b => b ? "true" : "false",
        decimal m => m.ToString(CultureInfo.InvariantCulture),
        DateTimeOffset d => d.ToString("O", CultureInfo.InvariantCulture),
        var other => Convert.ToString(other, CultureInfo.InvariantCulture) ?? "",
    };
}
