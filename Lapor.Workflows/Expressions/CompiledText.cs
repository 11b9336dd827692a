using Acornima.Ast;
using Jint;

namespace Lapor.Workflows.Expressions;

internal abstract record TemplatePart;

internal sealed record LiteralPart(string Text) : TemplatePart;

/// <param name="Source">The part as written in the model, e.g. <c>${x &gt; 1}</c>, for messages.</param>
internal sealed record ScriptPart(string Source, Prepared<Script> Script) : TemplatePart;

/// <summary>A text split into literal and expression parts, each expression parsed once and shared by all evaluations.</summary>
internal sealed class CompiledText
{
    private CompiledText(IReadOnlyList<TemplatePart> parts, string? error, string? errorExpression)
    {
        Parts = parts;
        Error = error;
        ErrorExpression = errorExpression;
        Single = FindSingle(parts);
        HasExpressions = parts.Any(part => part is ScriptPart);
    }

    public IReadOnlyList<TemplatePart> Parts { get; }

    /// <summary>
    /// Set when the text is one expression with at most whitespace around it: BPMN XML bodies are usually
    /// indented, and such a text should keep its typed result instead of turning into a string.
    /// </summary>
    public ScriptPart? Single { get; }

    public bool HasExpressions { get; }

    public string? Error { get; }

    public string? ErrorExpression { get; }

    /// <summary>Longest expression text accepted: conditions and due dates are a line, not a program.</summary>
    public const int MaxLength = 4_000;

    /// <summary>Deepest nesting of brackets inside one expression; the parser recurses once per level.</summary>
    public const int MaxNesting = 32;

    public static CompiledText Compile(string text)
    {
        if (text.Length > MaxLength && IsExpressionText(text))
        {
            string head = text[..40] + "…";
            return new CompiledText([], $"Expression text '{head}' has {text.Length:N0} characters; the limit is {MaxLength:N0}", head);
        }

        var parts = new List<TemplatePart>();
        int position = 0;
        while (position < text.Length)
        {
            int opening = JsLexing.FindOpening(text, position);
            if (opening < 0)
            {
                parts.Add(new LiteralPart(text[position..]));
                break;
            }

            if (opening > position)
            {
                parts.Add(new LiteralPart(text[position..opening]));
            }

            int closing = JsLexing.FindClosing(text, opening + 2, '{', '}');
            if (closing < 0)
            {
                string unclosed = text[opening..];
                return new CompiledText([], $"Expression '{unclosed}' is not closed with '}}'", unclosed);
            }

            string source = text[opening..(closing + 1)];
            string? error = TryPrepare(source, text[(opening + 2)..closing], out Prepared<Script> script);
            if (error is not null)
            {
                return new CompiledText([], error, source);
            }

            parts.Add(new ScriptPart(source, script));
            position = closing + 1;
        }

        return new CompiledText(parts, null, null);
    }

    private static bool IsExpressionText(string text) => JsLexing.FindOpening(text, 0) >= 0;

    private static int Nesting(string body)
    {
        int depth = 0, deepest = 0;
        foreach (char c in body)
        {
            if (c is '(' or '[' or '{')
            {
                deepest = Math.Max(deepest, ++depth);
            }
            else if (c is ')' or ']' or '}')
            {
                depth--;
            }
        }

        return deepest;
    }

    private static string? TryPrepare(string source, string body, out Prepared<Script> script)
    {
        script = default;
        if (string.IsNullOrWhiteSpace(body))
        {
            return $"Expression '{source}' is empty";
        }

        // Counted before parsing (brackets inside string literals count too, which only errs on the safe side).
        if (Nesting(body) > MaxNesting)
        {
            return $"Expression '{(source.Length > 60 ? source[..60] + "…" : source)}' nests brackets more than {MaxNesting} levels deep; the limit is {MaxNesting}";
        }

        try
        {
            script = Engine.PrepareScript(JuelTranslator.Translate(body), strict: true);
        }
        catch (ScriptPreparationException ex)
        {
            string reason = (ex.InnerException as Acornima.ParseErrorException)?.Description ?? ex.Message;
            return $"Expression '{source}' does not parse: {reason}";
        }
        catch (Acornima.ParseErrorException ex)
        {
            return $"Expression '{source}' does not parse: {ex.Description}";
        }

        if (script.Program is not { } program)
        {
            return $"Expression '{source}' does not parse";
        }

        string? violation = SandboxRules.FindViolation(program);
        return violation is null ? null : $"Expression '{source}' is not allowed: {violation}";
    }

    private static ScriptPart? FindSingle(IReadOnlyList<TemplatePart> parts)
    {
        ScriptPart? single = null;
        foreach (TemplatePart part in parts)
        {
            switch (part)
            {
                case ScriptPart script when single is null:
                    single = script;
                    break;
                case ScriptPart:
                    return null;
                case LiteralPart literal when !string.IsNullOrWhiteSpace(literal.Text):
                    return null;
            }
        }

        return single;
    }
}
