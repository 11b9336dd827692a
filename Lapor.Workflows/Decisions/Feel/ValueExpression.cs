using System.Text.Json;

namespace Lapor.Workflows.Decisions.Feel;

/// <summary>
/// An input expression or output cell: a literal (<c>"dinkes"</c>, <c>5</c>, <c>true</c>), a variable name or dotted
/// path (<c>kategori</c>, <c>laporan.kategori</c>), or nothing (null). A path reads into Json variables.
/// </summary>
public sealed record ValueExpression(string Text, string? Path, object? Literal)
{
    public static ValueExpression Parse(string? text)
    {
        text = (text ?? "").Trim();
        if (text.Length == 0)
            return new ValueExpression(text, null, null);
        // Camunda 7 models often write input expressions in JUEL: ${kategori} reads the same variable.
        if (text.StartsWith("${", StringComparison.Ordinal) && text.EndsWith('}'))
        {
            var inner = Parse(text[2..^1]);
            return inner.Path is null
                ? throw new FeelException($"only a variable name or path is supported inside ${{...}}, not '{text}'")
                : inner with { Text = text };
        }
        var reader = new FeelReader(text);
        var first = reader.Peek();
        if (first is char c && (char.IsLetter(c) || c == '_') && !IsKeywordLiteral(text))
        {
            var path = reader.ReadPath();
            if (!reader.AtEnd)
                throw reader.Error("only a variable name or path such as laporan.kategori is supported here");
            return new ValueExpression(text, path, null);
        }
        var value = reader.ReadLiteral();
        if (!reader.AtEnd)
            throw reader.Error("expected the end after the value");
        return new ValueExpression(text, null, value);
    }

    public object? Evaluate(IReadOnlyDictionary<string, object?> variables)
    {
        if (Path is null)
            return Literal;
        var parts = Path.Split('.');
        object? current = variables.GetValueOrDefault(parts[0]);
        foreach (var part in parts.Skip(1))
            current = Member(current, part);
        return current is JsonElement element ? FeelValues.Normalise(element) : current;
    }

    private static bool IsKeywordLiteral(string text) =>
        text is "true" or "false" or "null" || text.StartsWith("date(", StringComparison.Ordinal) || text.StartsWith("date (", StringComparison.Ordinal);

    // Json variables arrive as their text; a path into one reads the parsed document. A missing member is null.
    private static object? Member(object? value, string name)
    {
        if (value is string text && text.TrimStart().StartsWith('{'))
        {
            try
            {
                value = JsonDocument.Parse(text).RootElement;
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Object } o when o.TryGetProperty(name, out var member) => member,
            IReadOnlyDictionary<string, object?> map => map.GetValueOrDefault(name),
            _ => null,
        };
    }
}
