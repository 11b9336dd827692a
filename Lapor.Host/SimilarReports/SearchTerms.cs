using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Lapor.Host.SimilarReports;

/// <summary>
/// The words of a typed title worth searching for: letters and digits only (so nothing the user types can become
/// full-text query syntax), lower case, without the Indonesian and English function words that every report shares.
/// </summary>
public static class SearchTerms
{
    /// <summary>Fewer characters than this say too little to suggest anything (decision 022).</summary>
    public const int MinimumQueryLength = 4;

    /// <summary>A title has at most 150 characters; more words than this only slow the index down.</summary>
    public const int MaxTerms = 8;

    private const int ShortestTerm = 2;

    private static readonly FrozenSet<string> StopWords = FrozenSet.Create(StringComparer.Ordinal,
        "di", "ke", "dari", "yang", "dan", "atau", "ini", "itu", "untuk", "dengan", "pada", "dalam", "tidak", "ada", "sudah",
        "belum", "akan", "juga", "saya", "kami", "kita", "mohon", "tolong", "sangat", "masih", "karena", "oleh", "para", "agar",
        "the", "and", "of", "in", "on", "at", "to", "is", "not", "for", "with", "a", "an");

    /// <summary>The distinct search words of <paramref name="text"/>, in the order typed; empty when the text is too short.</summary>
    public static IReadOnlyList<string> Of(string? text)
    {
        if (string.IsNullOrWhiteSpace(text) || text.Trim().Length < MinimumQueryLength)
            return [];
        var terms = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text.Normalize(NormalizationForm.FormC) + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLower(c, CultureInfo.InvariantCulture));
                continue;
            }
            if (word.Length >= ShortestTerm && !StopWords.Contains(word.ToString()) && !terms.Contains(word.ToString()))
                terms.Add(word.ToString());
            word.Clear();
        }
        return terms.Take(MaxTerms).ToList();
    }
}
