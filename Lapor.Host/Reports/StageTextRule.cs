using System.Globalization;
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
                    yield return DefinitionProblem.Rule(node.Id, "StageEmpty", "Property '{0}' is empty; a citizen would read an empty stage.", name);
                else if (text.Length > Report.StageTextMaxLength)
                    yield return DefinitionProblem.Rule(node.Id, "StageTooLong", "Property '{0}' has {1} characters; a stage text has at most {2}.",
                        name, text.Length.ToString("N0", CultureInfo.InvariantCulture), Report.StageTextMaxLength.ToString("N0", CultureInfo.InvariantCulture));
                else if (TextInput.ContainsMarkup(text) || TextInput.HasForbiddenCharacter(text, multiline: false))
                    yield return DefinitionProblem.Rule(node.Id, "StageMarkup", "Property '{0}' contains markup or control characters; a stage text is plain text a citizen reads.", name);
            }
    }
}
