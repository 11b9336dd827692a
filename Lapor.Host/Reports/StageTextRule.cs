using Lapor.Domain.Reports;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Parsing;

namespace Lapor.Host.Reports;

/// <summary>
/// Stage texts (<c>camunda:property name="stage"</c> and <c>stage.en</c>) are shown to citizens on every report that
/// reaches the element. The report refuses markup and over-long text when the stage is reached; checked here at
/// deploy instead, a coordinator learns which element to fix before any report is stuck on the old stage.
/// </summary>
public sealed class StageTextRule : IDefinitionRule
{
    public IEnumerable<DefinitionProblem> Check(ProcessModel model)
    {
        foreach (var node in model.Nodes.Values)
            foreach (var name in new[] { LaporProcess.StageProperty, LaporProcess.StagePropertyEnglish })
            {
                if (!node.Properties.TryGetValue(name, out var text))
                    continue;
                if (string.IsNullOrWhiteSpace(text))
                    yield return new(node.Id, $"Property '{name}' is empty; a citizen would read an empty stage.");
                else if (text.Length > Report.StageTextMaxLength)
                    yield return new(node.Id, $"Property '{name}' has {text.Length:N0} characters; a stage text has at most {Report.StageTextMaxLength:N0}.");
                else if (TextInput.ContainsMarkup(text) || TextInput.HasForbiddenCharacter(text, multiline: false))
                    yield return new(node.Id, $"Property '{name}' contains markup or control characters; a stage text is plain text a citizen reads.");
            }
    }
}
