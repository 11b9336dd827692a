using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace Lapor.Domain.Reports;

/// <summary>
/// Removes the reporter's own contact details from text that goes on the public timeline. Officers
/// answering "Bapak Made Wirawan, silakan hubungi 0812…" and reporters signing their replies are the
/// usual leaks. The e-mail address and phone number are never public; the name is hidden when the report
/// is anonymous.
/// </summary>
internal static partial class IdentityRedaction
{
    // Parts shorter than this ("Ani", "Luh") would blank out ordinary words.
    private const int ShortestRedactedNamePart = 4;

    // Balinese birth-order names and titles are shared by a large part of the island: on their own they
    // identify nobody, and removing them would garble ordinary sentences.
    private static readonly FrozenSet<string> SharedNameParts = FrozenSet.Create(
        StringComparer.OrdinalIgnoreCase,
        "wayan", "putu", "gede", "made", "kadek", "nengah", "nyoman", "komang", "ketut", "ngurah", "gusti",
        "agung", "bagus", "dewa", "dewi", "sang", "anak", "bapak", "pak", "ibu");

    /// <summary>What replaces a contact detail or a name part in stored text; part of the record, so in the record's language.</summary>
    public const string Marker = "[disamarkan]";

    public static string Apply(string text, Reporter reporter, bool hideName)
    {
        if (reporter.Email is { } email)
        {
            text = text.Replace(email, Marker, StringComparison.OrdinalIgnoreCase);
        }

        if (reporter.Phone is { } phone)
        {
            var national = phone["+62".Length..];
            text = SeparatedDigits().Replace(text, run => RedactNumber(run.Value, national));
        }

        if (hideName)
        {
            text = WholeWords(reporter.Name).Replace(text, Marker);
            foreach (var part in reporter.Name.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (part.Length >= ShortestRedactedNamePart && !SharedNameParts.Contains(part))
                {
                    text = WholeWords(part).Replace(text, Marker);
                }
            }
        }

        return text;
    }

    // Finds the number inside a run of digits and separators however it was written: 0812-3456-7890,
    // +62 812 3456 7890, 62812…, even glued to other digits.
    private static string RedactNumber(string run, string national)
    {
        var positions = new List<int>();
        for (var i = 0; i < run.Length; i++)
        {
            if (char.IsAsciiDigit(run[i]))
            {
                positions.Add(i);
            }
        }

        var digits = string.Concat(positions.Select(p => run[p]));
        var at = digits.IndexOf(national, StringComparison.Ordinal);
        if (at < 0)
        {
            return run;
        }

        var first = at;
        if (first >= 1 && digits[first - 1] == '0')
        {
            first -= 1;
        }
        else if (first >= 2 && digits.AsSpan(first - 2, 2) is "62")
        {
            first -= 2;
        }

        var from = positions[first] > 0 && run[positions[first] - 1] == '+' ? positions[first] - 1 : positions[first];
        var to = positions[at + national.Length - 1];
        return run[..from] + Marker + RedactNumber(run[(to + 1)..], national);
    }

    private static Regex WholeWords(string words) => new(
        $@"(?<!\w){Regex.Escape(words)}(?!\w)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant,
        TimeSpan.FromMilliseconds(200));

    [GeneratedRegex(@"\+?\d(?:[ \-.()]*\d)*", RegexOptions.CultureInvariant, matchTimeoutMilliseconds: 200)]
    private static partial Regex SeparatedDigits();
}
