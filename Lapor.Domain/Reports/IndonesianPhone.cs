namespace Lapor.Domain.Reports;

/// <summary>
/// Indonesian phone numbers as people write them (0812-3456-7890, +62 812 3456 7890, (0361) 222333,
/// 62812…) reduced to one form, +62 followed by the national number, so that two spellings of one
/// number compare equal.
/// </summary>
internal static class IndonesianPhone
{
    // National significant numbers (without the trunk 0) run from 8 digits for landlines such as
    // 361 222333 to 12 for the longest mobile numbers.
    private const int MinNationalDigits = 8;
    private const int MaxNationalDigits = 12;

    public static bool TryNormalize(string? input, out string normalized)
    {
        normalized = string.Empty;
        if (string.IsNullOrWhiteSpace(input) || input.Length > 30)
        {
            return false;
        }

        var text = input.Trim();
        var international = text.StartsWith('+');
        var digits = new List<char>(16);
        foreach (var c in international ? text[1..] : text)
        {
            if (char.IsAsciiDigit(c))
            {
                digits.Add(c);
            }
            else if (c is not (' ' or '-' or '.' or '(' or ')'))
            {
                return false;
            }
        }

        var number = new string([.. digits]);
        string national;
        if (number.StartsWith("62", StringComparison.Ordinal))
        {
            // "+62 (0)812…" is a common way of writing it; the 0 is the domestic trunk prefix.
            national = number[2..].StartsWith('0') ? number[3..] : number[2..];
        }
        else if (!international && number.StartsWith('0'))
        {
            national = number[1..];
        }
        else
        {
            return false;
        }

        // No Indonesian area code or mobile prefix starts with 0 or 1.
        if (national.Length is < MinNationalDigits or > MaxNationalDigits || national[0] is '0' or '1')
        {
            return false;
        }

        normalized = "+62" + national;
        return true;
    }
}
