namespace Lapor.Workflows.Expressions;

/// <summary>
/// Just enough JavaScript lexing to find where <c>${...}</c> ends and to leave string literals alone;
/// the real parsing is Jint's.
/// </summary>
internal static class JsLexing
{
    public static bool IsQuote(char c) => c is '\'' or '"' or '`';

    public static bool IsIdentifierStart(char c) => char.IsLetter(c) || c is '_' or '$';

    public static bool IsIdentifierPart(char c) => char.IsLetterOrDigit(c) || c is '_' or '$';

    /// <summary>Returns the index just after the literal that starts at <paramref name="start"/>, or the text length when it is unterminated.</summary>
    public static int SkipQuoted(string text, int start)
    {
        char quote = text[start];
        int i = start + 1;
        while (i < text.Length)
        {
            char c = text[i];
            if (c == '\\')
            {
                i += 2;
                continue;
            }

            if (c == quote)
            {
                return i + 1;
            }

            i++;
        }

        return text.Length;
    }

    public static int SkipIdentifier(string text, int start)
    {
        int i = start;
        while (i < text.Length && IsIdentifierPart(text[i]))
        {
            i++;
        }

        return i;
    }

    public static int SkipWhitespace(string text, int start)
    {
        int i = start;
        while (i < text.Length && char.IsWhiteSpace(text[i]))
        {
            i++;
        }

        return i;
    }

    /// <summary>Index of the next <c>${</c> or <c>#{</c> at or after <paramref name="start"/>, or -1.</summary>
    public static int FindOpening(string text, int start)
    {
        for (int i = start; i < text.Length - 1; i++)
        {
            if (text[i] is '$' or '#' && text[i + 1] == '{')
            {
                return i;
            }
        }

        return -1;
    }

    /// <summary>
    /// Index of the <paramref name="close"/> character that balances an opening one just before
    /// <paramref name="start"/>, skipping nested pairs and string literals (so <c>${s == '}'}</c> works), or -1.
    /// </summary>
    public static int FindClosing(string text, int start, char open, char close)
    {
        int depth = 0;
        int i = start;
        while (i < text.Length)
        {
            char c = text[i];
            if (IsQuote(c))
            {
                i = SkipQuoted(text, i);
                continue;
            }

            if (c == open)
            {
                depth++;
            }
            else if (c == close)
            {
                if (depth == 0)
                {
                    return i;
                }

                depth--;
            }

            i++;
        }

        return -1;
    }
}
