namespace Lapor.Workflows.Parsing;

/// <summary>
/// One thing wrong with a BPMN file: which element (when known), which line, and what is wrong. <see cref="Message"/>
/// is English (deploy errors, REST); <see cref="Code"/> and <see cref="Arguments"/> let a host say the same in its own
/// language. <see cref="Consequences"/> are the elements that are wrong only because of this one (e.g. the steps after
/// an element nothing leads to, which therefore cannot be reached either): reported under their cause, not one by one.
/// </summary>
public sealed record DefinitionProblem(string? ElementId, string Message, int? Line = null)
{
    /// <summary>A stable name of the rule that failed (<c>NoIncoming</c>, <c>Unreachable</c>…), null for reader errors.</summary>
    public string? Code { get; init; }

    /// <summary>The values in <see cref="Message"/> in order (<c>{0}</c>, <c>{1}</c>…), element ids among them.</summary>
    public IReadOnlyList<string> Arguments { get; init; } = [];

    /// <summary>Ids of the elements that fail only because of this problem.</summary>
    public IReadOnlyList<string> Consequences { get; init; } = [];

    /// <summary>A problem of rule <paramref name="code"/> whose English text is <paramref name="format"/> filled with <paramref name="arguments"/>.</summary>
    public static DefinitionProblem Rule(string? elementId, string code, string format, params string[] arguments) =>
        new(elementId, string.Format(System.Globalization.CultureInfo.InvariantCulture, format, arguments)) { Code = code, Arguments = arguments };

    public override string ToString()
    {
        var where = ElementId is null ? "" : $"Element '{ElementId}': ";
        var line = Line is null ? "" : $" (line {Line})";
        return where + Message + line;
    }
}
