using Lapor.Workflows.Runtime;
using Lapor.Workflows.Versions;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Designer;

/// <summary>
/// Two versions of a process side by side: the changed elements marked on both diagrams and listed with each
/// attribute's old and new value. Read-only; the folder is for coordinators and administrators.
/// </summary>
public sealed class DiffModel(ProcessDesigns designs) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Key { get; set; } = "";

    [BindProperty(Name = "dari", SupportsGet = true)]
    public int? From { get; set; }

    [BindProperty(Name = "ke", SupportsGet = true)]
    public int? To { get; set; }

    /// <summary>Shapes and edges that only moved are noise in a review of what the process does: listed only when asked.</summary>
    [BindProperty(Name = "tataLetak", SupportsGet = true)]
    public bool ShowLayout { get; set; }

    public IReadOnlyList<ProcessVersion> Versions { get; private set; } = [];

    public string? OlderXml { get; private set; }

    public string? NewerXml { get; private set; }

    public ProcessDiffResult? Diff { get; private set; }

    /// <summary>Step names of the newer version, then the older (for removed elements).</summary>
    public StepNames Names { get; private set; } = new();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        Versions = await designs.VersionsAsync(Key, ct);
        if (Versions.Count == 0)
            return NotFound();
        // Without a choice: the latest version against the one before it.
        To ??= Versions[0].Version;
        From ??= Versions.FirstOrDefault(v => v.Version < To)?.Version ?? To;
        var older = await designs.FindVersionAsync(Key, From.Value, ct);
        var newer = await designs.FindVersionAsync(Key, To.Value, ct);
        if (older is null || newer is null)
            return NotFound();
        (OlderXml, NewerXml) = (older.Xml, newer.Xml);
        Diff = ProcessDiff.Compare(OlderXml, NewerXml);
        Names = new StepNames(Model(NewerXml), Model(OlderXml));
        return Page();
    }

    private static Lapor.Workflows.Definitions.ProcessModel? Model(string xml) =>
        Lapor.Workflows.Parsing.BpmnParser.TryParse(xml, []).FirstOrDefault();
}
