using System.Globalization;
using System.Text;

namespace Lapor.Domain.Reports;

/// <summary>
/// A file name fit to show: no directories, no control or direction-changing characters, no characters
/// that upset file systems or headers. It is only ever displayed; files are stored under a random name.
/// </summary>
internal static class AttachmentFileName
{
    public const int MaxLength = 100;

    private const string Refused = "<>:\"|?*";

    public static string Sanitize(string? raw)
    {
        var name = raw ?? string.Empty;
        // Old browsers send the whole client path; both separators, because the client may be Windows.
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];

        var kept = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsHighSurrogate(c) && i + 1 < name.Length && char.IsLowSurrogate(name[i + 1]))
            {
                kept.Append(c).Append(name[++i]);
                continue;
            }

            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (char.IsSurrogate(c) || category is UnicodeCategory.Control or UnicodeCategory.Format || Refused.Contains(c))
            {
                continue;
            }

            kept.Append(char.IsWhiteSpace(c) ? ' ' : c);
        }

        // Leading dots would hide the file on Unix or leave ".." behind; trailing ones are dropped by Windows.
        var clean = string.Join(' ', kept.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .Trim('.', ' ');
        if (clean.Length <= MaxLength)
        {
            return clean;
        }

        var extension = Path.GetExtension(clean);
        return extension.Length < MaxLength / 2
            ? Cut(clean, MaxLength - extension.Length).TrimEnd('.', ' ') + extension
            : Cut(clean, MaxLength);
    }

    // Never between the two halves of a surrogate pair (an emoji), which would leave invalid text.
    private static string Cut(string text, int length) =>
        char.IsHighSurrogate(text[length - 1]) ? text[..(length - 1)] : text[..length];
}
