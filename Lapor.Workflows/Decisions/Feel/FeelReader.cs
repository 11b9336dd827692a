using System.Globalization;
using System.Text;

namespace Lapor.Workflows.Decisions.Feel;

/// <summary>
/// A cursor over one FEEL text for the subset Lapor reads: literals (strings in double quotes, numbers, true,
/// false, null, <c>date("2026-01-31")</c>) and names. Errors say what was expected and at which character.
/// </summary>
internal sealed class FeelReader(string text)
{
    private int _at;

    public string Text => text;
    public bool AtEnd { get { SkipSpace(); return _at >= text.Length; } }

    public char? Peek()
    {
        SkipSpace();
        return _at < text.Length ? text[_at] : null;
    }

    public bool TryTake(string symbol)
    {
        SkipSpace();
        if (string.CompareOrdinal(text, _at, symbol, 0, symbol.Length) != 0)
            return false;
        _at += symbol.Length;
        return true;
    }

    public void Expect(string symbol)
    {
        if (!TryTake(symbol))
            throw Error($"expected '{symbol}'");
    }

    /// <summary>A literal value; a bare word that is not a literal is refused with a hint about quotes.</summary>
    public object? ReadLiteral()
    {
        SkipSpace();
        if (_at >= text.Length)
            throw Error("expected a value");
        var c = text[_at];
        if (c == '"')
            return ReadString();
        if (char.IsDigit(c) || (c is '-' or '.' && _at + 1 < text.Length && (char.IsDigit(text[_at + 1]) || text[_at + 1] == '.')))
            return ReadNumber();
        var start = _at;
        var word = ReadName();
        switch (word)
        {
            case "true":
                return true;
            case "false":
                return false;
            case "null":
                return null;
            case "date":
                Expect("(");
                var iso = ReadLiteral() as string ?? throw Error("date(...) needs a text such as \"2026-01-31\"");
                Expect(")");
                return DateOnly.TryParseExact(iso, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)
                    ? new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero)
                    : throw Error($"\"{iso}\" is not a date (yyyy-MM-dd)");
            case "":
                throw Error($"'{c}' cannot start a value");
            default:
                _at = start;
                throw Error($"'{word}' is not a value; write text in double quotes (\"{word}\")");
        }
    }

    /// <summary>A name or dotted path such as <c>kategori</c> or <c>laporan.kategori</c>; empty when none is there.</summary>
    public string ReadPath()
    {
        var parts = new List<string> { ReadName() };
        while (parts[^1].Length > 0 && TryTake("."))
            parts.Add(ReadName() is { Length: > 0 } next ? next : throw Error("expected a name after '.'"));
        return parts[0].Length == 0 ? "" : string.Join('.', parts);
    }

    private string ReadName()
    {
        SkipSpace();
        var start = _at;
        while (_at < text.Length && (char.IsLetter(text[_at]) || text[_at] == '_' || (_at > start && char.IsDigit(text[_at]))))
            _at++;
        return text[start.._at];
    }

    private string ReadString()
    {
        var start = _at++;
        var value = new StringBuilder();
        while (_at < text.Length)
        {
            var c = text[_at++];
            if (c == '"')
                return value.ToString();
            if (c != '\\')
            {
                value.Append(c);
                continue;
            }
            if (_at >= text.Length)
                break;
            var escaped = text[_at++];
            value.Append(escaped switch { 'n' => '\n', 't' => '\t', 'r' => '\r', _ => escaped });
        }
        _at = start;
        throw Error("the text in double quotes is not closed");
    }

    private decimal ReadNumber()
    {
        var start = _at;
        if (text[_at] == '-')
            _at++;
        while (_at < text.Length && (char.IsDigit(text[_at]) || (text[_at] == '.' && !(_at + 1 < text.Length && text[_at + 1] == '.'))))
            _at++;
        var token = text[start.._at];
        return decimal.TryParse(token, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var n)
            ? n
            : throw Error($"'{token}' is not a number");
    }

    private void SkipSpace()
    {
        while (_at < text.Length && char.IsWhiteSpace(text[_at]))
            _at++;
    }

    public FeelException Error(string what) => new($"{what} at character {_at + 1} of '{text}'");
}
