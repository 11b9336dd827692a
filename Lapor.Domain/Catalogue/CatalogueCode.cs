using System.Text.RegularExpressions;

namespace Lapor.Domain.Catalogue;

/// <summary>
/// Agency and category codes: short lowercase words joined by dashes (<c>dinkes</c>, <c>kab-badung</c>).
/// They appear in URLs, process variables and exports, so they stay plain ASCII.
/// </summary>
internal static partial class CatalogueCode
{
    public const int MaxLength = 40;

    public static bool IsWellFormed(string? code) =>
        code is { Length: > 0 and <= MaxLength } && Shape().IsMatch(code);

    /// <summary>The code as stored, for values that are not typed by people (catalogue files, officers' pickers).</summary>
    public static string Require(string? code, string parameterName)
    {
        var trimmed = code?.Trim().ToLowerInvariant();
        return IsWellFormed(trimmed)
            ? trimmed!
            : throw new ArgumentException($"'{code}' is not a code: use lowercase letters and digits joined by dashes.", parameterName);
    }

    [GeneratedRegex("^[a-z0-9]+(-[a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex Shape();
}
