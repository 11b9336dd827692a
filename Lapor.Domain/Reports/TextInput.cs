using System.Text;
using System.Text.RegularExpressions;

namespace Lapor.Domain.Reports;

/// <summary>
/// The one way free text typed by a person enters the domain: trimmed, normalised, and refused when it
/// carries control characters or markup. Output encoding in the host remains the real defence against
/// script injection; refusing markup here keeps it out of e-mails, exports and other agencies' systems.
/// </summary>
public static partial class TextInput
{
    /// <summary>The cleaned text, or null when it is empty or was refused (then an error is added).</summary>
    public static string? Clean(
        string? raw,
        string field,
        int maxLength,
        bool required,
        bool multiline,
        List<FieldError> errors)
    {
        var text = (raw ?? string.Empty).Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n').Trim();
        if (text.Length == 0)
        {
            if (required)
            {
                errors.Add(ReportMessages.ForField(field, ReportMessages.Required));
            }

            return null;
        }

        // Checked before normalising: Normalize throws on a lone surrogate.
        if (HasForbiddenCharacter(text, multiline))
        {
            errors.Add(ReportMessages.ForField(field, ReportMessages.ControlCharacters));
            return null;
        }

        text = text.Normalize(NormalizationForm.FormC);
        // Counted in UTF-16 units, as the browser's maxlength does, so the form and the domain agree.
        if (text.Length > maxLength)
        {
            errors.Add(ReportMessages.ForField(field, ReportMessages.TooLong, maxLength));
            return null;
        }

        if (ContainsMarkup(text))
        {
            errors.Add(ReportMessages.ForField(field, ReportMessages.Markup));
            return null;
        }

        return text;
    }

    public static bool ContainsMarkup(string text) =>
        DangerousTag().IsMatch(text)
        || ClosedTag().IsMatch(text)
        || ScriptUrl().IsMatch(text)
        || EventHandler().IsMatch(text);

    public static bool HasForbiddenCharacter(string text, bool multiline)
    {
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            if (char.IsSurrogate(c) || c is '\uFFFE' or '\uFFFF' || IsBidiControl(c))
            {
                return true;
            }

            if (char.IsControl(c) && !(multiline && c is '\n' or '\t'))
            {
                return true;
            }
        }

        return false;
    }

    // Embeddings, overrides and isolates can make text read differently from what it is ("Trojan Source").
    private static bool IsBidiControl(char c) => c is >= '\u202A' and <= '\u202E' or >= '\u2066' and <= '\u2069';

    [GeneratedRegex(
        @"<\s*/?\s*(script|iframe|frame|frameset|object|embed|applet|svg|math|style|link|meta|base|form|img|image|video|audio|source|body|html|input|button|textarea|select|details|marquee|template|xml)\b|<!--",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex DangerousTag();

    // Any other tag only counts when it is closed, so "nilai <5" or "<Rp10.000" stay allowed.
    [GeneratedRegex(
        @"<\s*/?\s*[a-z][a-z0-9-]*(\s[^<>]*)?>",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex ClosedTag();

    [GeneratedRegex(
        @"\b(javascript|vbscript|livescript)\s*:|\bdata\s*:\s*text/html",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex ScriptUrl();

    // Named handlers rather than every "on…=" so that ordinary text such as "online = lambat" passes.
    [GeneratedRegex(
        @"\bon(abort|afterprint|animation[a-z]*|auxclick|before[a-z]*|begin|blur|canplay[a-z]*|change|click|close|contextmenu|copy|cut|dblclick|drag[a-z]*|drop|end|ended|error|focus[a-z]*|hashchange|input|invalid|key[a-z]*|load[a-z]*|message|mouse[a-z]*|paste|pause|play[a-z]*|pointer[a-z]*|popstate|progress|reset|resize|scroll[a-z]*|search|select[a-z]*|show|submit|toggle|touch[a-z]*|transition[a-z]*|unload|wheel)\s*=",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        matchTimeoutMilliseconds: 200)]
    private static partial Regex EventHandler();
}
