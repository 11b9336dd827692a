using Lapor.Host.Localization;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Designer;

/// <summary>Desain proses: every process key with its published versions and open draft; rollback of a key to an older version.</summary>
public sealed class IndexModel(ProcessDesigns designs, IStringLocalizer<PortalText> text) : PageModel
{
    public IReadOnlyList<Process> Processes { get; private set; } = [];

    /// <summary>(key, version) of each version that is a rollback → the version it published again (from the operation log).</summary>
    public IReadOnlyDictionary<(string Key, int Version), int> RolledBack { get; private set; } = new Dictionary<(string, int), int>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var versions = await designs.VersionsAsync(ct: ct);
        var drafts = await designs.DraftsAsync(ct);
        var keys = versions.Select(v => v.Key).Concat(drafts.Select(d => d.Key)).Distinct().Order(StringComparer.Ordinal);
        Processes = keys.Select(key =>
        {
            var draft = drafts.FirstOrDefault(d => d.Key == key);
            return new Process(key, versions.Where(v => v.Key == key).ToList(), draft?.SavedBy, draft?.SavedAt);
        }).ToList();
        RolledBack = (await designs.RollBacksAsync(ct))
            .GroupBy(d => (d.Key, d.Version)).ToDictionary(g => g.Key, g => g.First().FromVersion);
    }

    /// <summary>
    /// Rollback = the older version's XML published again as the newest version; running cases stay where they are.
    /// The coordinator says why (required); the comment becomes the new version's comment.
    /// </summary>
    public async Task<IActionResult> OnPostRollBackAsync(string key, int version, string? comment, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(comment))
        {
            TempData["Notice"] = text["Designer.RollBackCommentRequired"].Value;
            return RedirectToPage();
        }
        try
        {
            var result = await designs.RollBackAsync(key, version, comment, User.Identity!.Name!, ct);
            TempData["Notice"] = string.Format(text["Designer.RolledBack"].Value, key, version, result.Processes[0].Version);
        }
        catch (Exception ex) when (ex is WorkflowException or DefinitionException)
        {
            TempData["Notice"] = ex.Message;
        }
        return RedirectToPage();
    }

    public sealed record Process(string Key, IReadOnlyList<ProcessVersion> Versions, string? DraftBy, DateTime? DraftAt);
}
