using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lapor.Domain.Reports;

/// <summary>
/// The code a reporter receives at submission and uses to follow the report, e.g. <c>LPR-7KQ4-M9XT-3H</c>.
/// </summary>
/// <remarks>
/// <para>
/// Ten symbols drawn uniformly (<see cref="RandomNumberGenerator"/>) from a 29-symbol alphabet carry
/// 10 × log2(29) ≈ 48.6 bits. With a million live reports a blind guess hits one with probability
/// 1 in 4 × 10^8, so rate limiting on the lookup is enough to make guessing hopeless.
/// </para>
/// <para>
/// The alphabet leaves out the characters people confuse when reading, writing or hearing a code: 0/O,
/// 1/I/L and U/V. Because both members of each pair are gone, a typed O, 0, I, 1, L, U or V cannot be
/// traced back to the symbol that was meant, so parsing refuses it rather than guessing: a guess could
/// open somebody else's report. Parsing forgives everything that cannot change the meaning: case,
/// spaces, dashes or their absence, full-width characters from phone keyboards, and the LPR prefix
/// being left off.
/// </para>
/// </remarks>
public readonly record struct TrackingCode
{
    public const string Prefix = "LPR";

    /// <summary>Digits 2–9 and the letters without look-alikes.</summary>
    public const string Alphabet = "23456789ABCDEFGHJKMNPQRSTWXYZ";

    public const int SymbolCount = 10;

    private readonly string? _symbols;

    private TrackingCode(string symbols) => _symbols = symbols;

    /// <summary>A new code from the operating system's cryptographic random number generator.</summary>
    public static TrackingCode New() => new(RandomNumberGenerator.GetString(Alphabet, SymbolCount));

    /// <summary>Reads a code as a person typed or dictated it; false when it cannot be a code.</summary>
    public static bool TryParse([NotNullWhen(true)] string? input, out TrackingCode code)
    {
        code = default;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 64)
        {
            return false;
        }

        var compact = new StringBuilder(Prefix.Length + SymbolCount);
        foreach (var c in input.Normalize(NormalizationForm.FormKC))
        {
            if (!IsSeparator(c))
            {
                compact.Append(char.ToUpperInvariant(c));
            }
        }

        var symbols = compact.ToString();
        // L is not in the alphabet, so a leading "LPR" can only be the prefix.
        if (symbols.Length == Prefix.Length + SymbolCount && symbols.StartsWith(Prefix, StringComparison.Ordinal))
        {
            symbols = symbols[Prefix.Length..];
        }

        if (symbols.Length != SymbolCount || symbols.Any(c => !Alphabet.Contains(c)))
        {
            return false;
        }

        code = new TrackingCode(symbols);
        return true;
    }

    /// <summary>For stored codes, which are known to be valid; user input goes through <see cref="TryParse"/>.</summary>
    public static TrackingCode Parse(string input) =>
        TryParse(input, out var code) ? code : throw new FormatException($"'{input}' is not a tracking code.");

    /// <summary>The grouped form handed to the reporter, e.g. <c>LPR-7KQ4-M9XT-3H</c>.</summary>
    public override string ToString() =>
        _symbols is null ? string.Empty : $"{Prefix}-{_symbols[..4]}-{_symbols[4..8]}-{_symbols[8..]}";

    private static bool IsSeparator(char c) =>
        char.IsWhiteSpace(c)
        || c is '_' or '.' or '/' or ':'
        || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.DashPunctuation;
}
