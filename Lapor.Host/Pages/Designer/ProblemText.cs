using Lapor.Host.Localization;
using Lapor.Workflows.Parsing;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Designer;

/// <summary>
/// The engine's definition problems as a coordinator reads them: the rule's text from the portal's resources
/// (<c>Designer.Rule.{Code}</c>) in the page's language, element ids replaced by step names. A problem without a known
/// code (the XML reader's) keeps the engine's English message rather than being lost.
/// </summary>
public static class ProblemText
{
    public static List<EditModel.Problem> Explain(IStringLocalizer<PortalText> text, string xml, IReadOnlyList<DefinitionProblem> problems)
    {
        var names = new StepNames(BpmnParser.TryParse(xml, []).FirstOrDefault());
        return problems.Select(p => new EditModel.Problem(
            p.ElementId,
            p.ElementId is null || !names.Knows(p.ElementId) ? null : names.Of(p.ElementId),
            (p.Code is null ? null : names.Format(text, "Designer.Rule." + p.Code, p.Arguments)) ?? p.Message,
            p.Consequences.Select(id => new EditModel.Element(id, names.Of(id))).ToList())).ToList();
    }
}
