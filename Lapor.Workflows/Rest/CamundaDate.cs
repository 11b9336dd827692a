using System.Globalization;
using System.Text.RegularExpressions;
using Lapor.Workflows.Errors;

namespace Lapor.Workflows.Rest;

/// <summary>
/// Dates as the Camunda 7 REST API writes them (<c>yyyy-MM-dd'T'HH:mm:ss.SSSZ</c>, e.g. <c>2026-03-02T01:00:00.000+0000</c>).
/// Output is always UTC so that clients comparing strings see one offset; input accepts Camunda's form and any ISO 8601.
/// </summary>
public static partial class CamundaDate
{
    public static string Format(DateTime value)
    {
        var utc = value.Kind switch
        {
            DateTimeKind.Local => value.ToUniversalTime(),
            // The engine stores UTC; SQLite drops the kind, which the model's converter restores, so Unspecified is UTC too.
            _ => DateTime.SpecifyKind(value, DateTimeKind.Utc),
        };
        return utc.ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0000";
    }

    public static string Format(DateTimeOffset value) => Format(value.UtcDateTime);

    /// <summary>Reads a date from a query parameter or body; throws a 400-mapped error naming <paramref name="name"/>.</summary>
    public static DateTimeOffset Parse(string text, string name) =>
        TryParse(text, out var value)
            ? value
            : throw new WorkflowException($"Cannot convert value '{text}' of '{name}' to a date: use ISO 8601 such as 2026-03-02T09:00:00.000+0800.", "InvalidRequestException");

    public static bool TryParse(string? text, out DateTimeOffset value)
    {
        value = default;
        if (string.IsNullOrWhiteSpace(text))
            return false;
        return DateTimeOffset.TryParse(Normalize(text.Trim()), CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out value);
    }

    /// <summary>
    /// A client that forgot to URL-encode the '+' of an offset in a query string (…000+0800) sends a space instead;
    /// it is read back as the '+' it was. Camunda's compact offset itself .NET reads as it is.
    /// </summary>
    private static string Normalize(string text) => UnencodedPlus().Replace(text, "$1+$2");

    [GeneratedRegex(@"^(.+T\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?) (\d{2}:?\d{2})$")]
    private static partial Regex UnencodedPlus();
}
