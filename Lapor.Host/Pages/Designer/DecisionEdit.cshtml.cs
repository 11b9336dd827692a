using Lapor.Host.Localization;
using Lapor.Workflows.Decisions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Designer;

/// <summary>
/// One decision table in dmn-js: its draft (or, without one, its latest version) to edit, a new table
/// (<c>?baru=true</c>: a bool binds from true or false, never from 1), or any version read-only (<c>?versi=</c>). The
/// JSON handlers save the draft, check it and publish it.
/// </summary>
public sealed class DecisionEditModel(DecisionDesigns designs, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    [BindProperty(Name = "versi", SupportsGet = true)]
    public int? Version { get; set; }

    [BindProperty(Name = "baru", SupportsGet = true)]
    public bool New { get; set; }

    public string? Xml { get; private set; }
    public bool ReadOnly => Version is not null;
    public int? LatestVersion { get; private set; }
    public DesignDraft? Draft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!DecisionsModel.KeyPattern().IsMatch(Key))
            return NotFound();
        LatestVersion = (await designs.LatestAsync(Key, ct))?.Version;
        if (Version is { } version)
        {
            Xml = (await designs.FindVersionAsync(Key, version, ct))?.Xml;
            return Xml is null ? NotFound() : Page();
        }
        Draft = await designs.FindDraftAsync(Key, ct);
        Xml = Draft?.Xml ?? (LatestVersion is { } latest ? (await designs.FindVersionAsync(Key, latest, ct))!.Xml : null);
        if (Xml is null && New)
            Xml = NewDecisionTable.Xml(Key);
        return Xml is null ? NotFound() : Page();
    }

    public async Task<IActionResult> OnPostDraftAsync([FromBody] DraftInput input, CancellationToken ct)
    {
        try
        {
            var draft = await designs.SaveDraftAsync(Key, input.Xml ?? "", Actor, ct);
            return new JsonResult(new { key = draft.Key, savedAt = draft.SavedAt });
        }
        catch (WorkflowException ex)
        {
            return Refused([EditModel.Problem.General(ex.Message)]);
        }
    }

    public IActionResult OnPostValidate([FromBody] DraftInput input) =>
        new JsonResult(new { errors = Problems(input.Xml ?? "") });

    public async Task<IActionResult> OnPostPublishAsync([FromBody] PublishInput input, CancellationToken ct)
    {
        var xml = input.Xml ?? "";
        if (Problems(xml) is { Count: > 0 } problems)
            return Refused(problems);
        try
        {
            var result = await designs.PublishAsync(xml, input.Comment, Actor, ct);
            var published = result.Decisions.FirstOrDefault(d => d.Key == Key) ?? result.Decisions.FirstOrDefault();
            return published is null
                ? Refused([EditModel.Problem.General(text["Designer.Decisions.NothingToPublish"])])
                : new JsonResult(new { key = published.Key, version = published.Version });
        }
        catch (DefinitionException ex)
        {
            return Refused(ex.Problems.Select(FromEngine).ToList());
        }
        catch (WorkflowException ex)
        {
            return Refused([EditModel.Problem.General(ex.Message)]);
        }
    }

    /// <summary>
    /// A decision problem as the page shows it: the cell's id and the rule's text in the page's language
    /// (<c>Designer.Decisions.Rule.{Code}</c>); the XML reader's problems have no code and keep the engine's English.
    /// </summary>
    private EditModel.Problem FromEngine(DefinitionProblem p)
    {
        var said = p.Code is null ? null : text["Designer.Decisions.Rule." + p.Code, [.. p.Arguments]];
        return new(p.ElementId, null, said is { ResourceNotFound: false } ? said.Value : p.Message, []);
    }

    /// <summary>The deployer's problems, and one more: the file must hold this page's decision, so its key cannot drift.</summary>
    private List<EditModel.Problem> Problems(string xml)
    {
        var problems = designs.Check(xml).Select(FromEngine).ToList();
        if (problems.Count == 0 && DmnParser.TryParse(xml, []).All(t => t.Key != Key))
            problems.Add(EditModel.Problem.General(text["Designer.Decisions.KeyMissing", Key]));
        return problems;
    }

    /// <summary>Texts the editor script shows, in the visitor's language (keys <c>Designer.Decisions.Js.*</c>).</summary>
    public static readonly string[] ScriptTexts = ["Saved", "Valid", "Invalid", "Published", "ImportFailed", "RequestFailed"];

    private string Actor => User.Identity!.Name!;

    private static JsonResult Refused(IReadOnlyList<EditModel.Problem> errors) =>
        new(new { errors }) { StatusCode = StatusCodes.Status422UnprocessableEntity };

    public sealed record DraftInput(string? Key, string? Xml);

    public sealed record PublishInput(string? Key, string? Xml, string? Comment);
}
