using System.Text;

namespace Lapor.Workflows.Expressions;

/// <summary>
/// Rewrites the JUEL word operators that Camunda models use into JavaScript, outside string literals,
/// so existing models keep working on the JavaScript evaluator.
/// </summary>
internal static class JuelTranslator
{
    private static readonly Dictionary<string, string> WordOperators = new(StringComparer.Ordinal)
    {
        ["and"] = "&&",
        ["or"] = "||",
        ["not"] = "!",
        ["eq"] = "==",
        ["ne"] = "!=",
        ["lt"] = "<",
        ["gt"] = ">",
        ["le"] = "<=",
        ["ge"] = ">=",
        ["div"] = "/",
        ["mod"] = "%",
    };

    /// <summary>Words the translator rewrites; they can never reach JavaScript as names.</summary>
    public static IReadOnlyCollection<string> ReservedWords { get; } = [.. WordOperators.Keys, "empty"];

    public static string Translate(string expression)
    {
        var output = new StringBuilder(expression.Length + 16);
        int i = 0;
        while (i < expression.Length)
        {
            char c = expression[i];
            if (JsLexing.IsQuote(c))
            {
                int end = JsLexing.SkipQuoted(expression, i);
                output.Append(expression, i, end - i);
                i = end;
            }
            else if (char.IsAsciiDigit(c))
            {
                // Consumed whole so that an exponent or suffix such as the "e5" in 1e5 is never read as a word.
                int end = i;
                while (end < expression.Length && (JsLexing.IsIdentifierPart(expression[end]) || expression[end] == '.'))
                {
                    end++;
                }

                output.Append(expression, i, end - i);
                i = end;
            }
            else if (JsLexing.IsIdentifierStart(c))
            {
                int end = JsLexing.SkipIdentifier(expression, i);
                string word = expression[i..end];
                if (IsPropertyName(expression, i))
                {
                    output.Append(word);
                    i = end;
                }
                else if (word == "empty" && TryTranslateEmpty(expression, end, output, out int next))
                {
                    i = next;
                }
                else
                {
                    output.Append(WordOperators.TryGetValue(word, out string? op) ? $" {op} " : word);
                    i = end;
                }
            }
            else
            {
                output.Append(c);
                i++;
            }
        }

        return output.ToString();
    }

    // After a dot the word names a property (e.g. list.length), which JUEL never treats as an operator.
    private static bool IsPropertyName(string expression, int wordStart)
    {
        int i = wordStart - 1;
        while (i >= 0 && char.IsWhiteSpace(expression[i]))
        {
            i--;
        }

        return i >= 0 && expression[i] == '.';
    }

    private static bool TryTranslateEmpty(string expression, int afterWord, StringBuilder output, out int next)
    {
        next = afterWord;
        int start = JsLexing.SkipWhitespace(expression, afterWord);
        if (start >= expression.Length)
        {
            return false;
        }

        string operand;
        if (JsLexing.IsIdentifierStart(expression[start]))
        {
            int end = JsLexing.SkipIdentifier(expression, start);
            if (WordOperators.ContainsKey(expression[start..end]))
            {
                return false;
            }

            while (end + 1 < expression.Length && expression[end] == '.' && JsLexing.IsIdentifierStart(expression[end + 1]))
            {
                end = JsLexing.SkipIdentifier(expression, end + 1);
            }

            operand = expression[start..end];
            next = end;
        }
        else if (expression[start] == '(')
        {
            int close = JsLexing.FindClosing(expression, start + 1, '(', ')');
            if (close < 0)
            {
                return false;
            }

            operand = "(" + Translate(expression[(start + 1)..close]) + ")";
            next = close + 1;
        }
        else
        {
            return false;
        }

        output.Append($"({operand} == null || {operand} === '' || (Array.isArray({operand}) && {operand}.length === 0))");
        return true;
    }
}
