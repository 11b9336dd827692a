namespace Lapor.Workflows.Parsing;

/// <summary>One thing wrong with a BPMN file: which element (when known), which line, and what is wrong.</summary>
public sealed record DefinitionProblem(string? ElementId, string Message, int? Line = null)
{
    public override string ToString()
    {
        var where = ElementId is null ? "" : $"Element '{ElementId}': ";
        var line = Line is null ? "" : $" (line {Line})";
        return where + Message + line;
    }
}
