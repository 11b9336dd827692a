namespace Lapor.Domain.Reports;

/// <summary>
/// A shape check for e-mail addresses, strict enough to catch typing mistakes (missing @, spaces,
/// "gmail,com") and loose enough not to refuse real addresses. Only a sent message proves an address.
/// </summary>
internal static class EmailAddress
{
    private const string LocalPartSymbols = ".!#$%&'*+/=?^_`{|}~-";

    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = string.Empty;
        var text = input?.Trim() ?? string.Empty;
        var at = text.LastIndexOf('@');
        if (text.Length is 0 or > 254 || at <= 0 || text.IndexOf('@') != at)
        {
            return false;
        }

        var local = text[..at];
        var domain = text[(at + 1)..];
        if (!IsLocalPart(local) || !IsDomain(domain))
        {
            return false;
        }

        // Domains are case-insensitive; local parts formally are not, so they keep what was typed.
        normalized = local + "@" + domain.ToLowerInvariant();
        return true;
    }

    private static bool IsLocalPart(string local) =>
        local.Length <= 64
        && !local.StartsWith('.')
        && !local.EndsWith('.')
        && !local.Contains("..", StringComparison.Ordinal)
        && local.All(c => char.IsAsciiLetterOrDigit(c) || LocalPartSymbols.Contains(c));

    private static bool IsDomain(string domain)
    {
        var labels = domain.Split('.');
        return labels.Length >= 2
            && labels.All(label =>
                label.Length is > 0 and <= 63
                && !label.StartsWith('-')
                && !label.EndsWith('-')
                && label.All(c => char.IsAsciiLetterOrDigit(c) || c == '-'))
            && labels[^1].Length >= 2
            && labels[^1].All(char.IsAsciiLetter);
    }
}
