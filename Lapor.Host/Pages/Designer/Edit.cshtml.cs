using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Designer;

/// <summary>
/// One process in the modeler: its draft (or, without one, its latest version) to edit, or any version read-only
/// (<c>?versi=</c>). The page's JSON handlers save the draft, check it with the engine's rules and publish it.
/// </summary>
public sealed class EditModel(ProcessDesigns designs, LaporDb db, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string? Key { get; set; }

    [BindProperty(Name = "versi", SupportsGet = true)]
    public int? Version { get; set; }

    public string? Xml { get; private set; }
    public bool ReadOnly => Version is not null;
    public int? LatestVersion { get; private set; }
    public DesignDraft? Draft { get; private set; }

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (Key is null)
            return Page();
        LatestVersion = (await designs.LatestAsync(Key, ct))?.Version;
        if (Version is { } version)
        {
            Xml = (await designs.FindVersionAsync(Key, version, ct))?.Xml;
            return Xml is null ? NotFound() : Page();
        }
        Draft = await designs.FindDraftAsync(Key, ct);
        Xml = Draft?.Xml ?? (LatestVersion is { } latest ? (await designs.FindVersionAsync(Key, latest, ct))!.Xml : null);
        return Xml is null ? NotFound() : Page();
    }

    /// <summary>The catalogue for the Lapor properties group: candidate groups are agency codes and "code-supervisor".</summary>
    public async Task<IActionResult> OnGetAgenciesAsync(CancellationToken ct)
    {
        var agencies = await db.Agencies.AsNoTracking().Where(a => a.IsActive)
            .OrderBy(a => a.Kind).ThenBy(a => a.ShortName)
            .Select(a => new AgencyChoice(a.Code, a.Name, a.ShortName)).ToListAsync(ct);
        return new JsonResult(agencies);
    }

    public async Task<IActionResult> OnPostDraftAsync([FromBody] DraftInput input, CancellationToken ct)
    {
        try
        {
            var draft = await designs.SaveDraftAsync(input.Key ?? "", input.Xml ?? "", Actor, ct);
            return new JsonResult(new { key = draft.Key, savedAt = draft.SavedAt });
        }
        catch (WorkflowException ex)
        {
            return Refused([Problem.General(ex.Message)]);
        }
    }

    /// <summary>The designer calls this as the coordinator edits (debounced) and on "Validasi": problems in the page's language.</summary>
    public IActionResult OnPostValidate([FromBody] DraftInput input) =>
        new JsonResult(new { errors = Explain(input.Xml ?? "", designs.Check(input.Xml ?? "")) });

    public async Task<IActionResult> OnPostPublishAsync([FromBody] PublishInput input, CancellationToken ct)
    {
        try
        {
            var result = await designs.PublishAsync(input.Xml ?? "", input.Comment, Actor, ct);
            var published = result.Processes[0];
            return new JsonResult(new { key = published.Key, version = published.Version });
        }
        catch (DefinitionException ex)
        {
            return Refused(Explain(input.Xml ?? "", ex.Problems));
        }
        catch (WorkflowException ex)
        {
            return Refused([Problem.General(ex.Message)]);
        }
    }

    /// <summary>Texts the designer script shows, in the visitor's language (keys <c>Designer.Js.*</c>).</summary>
    public static readonly string[] ScriptTexts =
    [
        "Saved", "Valid", "Invalid", "Published", "ImportFailed", "ImportDoctype", "RequestFailed", "NoDiagram", "NoProcess", "Group", "Candidates",
        "AddCandidate", "Choose", "Responsible", "ResponsibleSupervisor", "Officer", "Supervisor", "DueDays", "DueHelp", "DueInvalid",
        "DueOther", "Stage", "StageEn", "Element", "Process", "CutOff", "AgencySearch", "AgencySearchHint", "AgencyMatches", "AgencyNone",
        "FieldLabel", "FieldType", "FieldRequired", "FieldRemove", "FieldAdd", "FieldAddHelp", "FieldIdInvalid", "FieldIdTaken",
        "FieldType_string", "FieldType_text", "FieldType_long", "FieldType_double", "FieldType_date", "FieldType_boolean", "FieldType_enum",
    ];

    private string Actor => User.Identity!.Name!;

    private static JsonResult Refused(IReadOnlyList<Problem> errors) =>
        new(new { errors }) { StatusCode = StatusCodes.Status422UnprocessableEntity };

    public sealed record DraftInput(string? Key, string? Xml);

    public sealed record PublishInput(string? Xml, string? Comment);

    public sealed record AgencyChoice(string Code, string Name, string ShortName);

    private List<Problem> Explain(string xml, IReadOnlyList<DefinitionProblem> problems) =>
        ProblemText.Explain(text, xml, problems);

    /// <summary>
    /// One problem as the designer shows it: the element (id for selecting it, name for reading), the message in the
    /// page's language, and the elements cut off by it.
    /// </summary>
    public sealed record Problem(string? ElementId, string? ElementName, string Message, IReadOnlyList<Element> Consequences)
    {
        public static Problem General(string message) => new(null, null, message, []);
    }

    public sealed record Element(string Id, string Name);
}
