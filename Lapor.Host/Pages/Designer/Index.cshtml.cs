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

/// <summary>Desain proses: every process key with its published versions and open draft; rollback of a key to an older version.</summary>
public sealed class IndexModel(ProcessDesigns designs, LaporDb db, IStringLocalizer<PortalText> text) : PageModel
{
    public IReadOnlyList<Process> Processes { get; private set; } = [];

    public async Task OnGetAsync(CancellationToken ct)
    {
        var versions = await designs.VersionsAsync(ct: ct);
        var drafts = await db.Set<Lapor.Workflows.Persistence.ProcessDraftRow>().AsNoTracking()
            .Select(d => new { d.Key, d.SavedBy, d.SavedAt }).ToListAsync(ct);
        var keys = versions.Select(v => v.Key).Concat(drafts.Select(d => d.Key)).Distinct().Order(StringComparer.Ordinal);
        Processes = keys.Select(key =>
        {
            var draft = drafts.FirstOrDefault(d => d.Key == key);
            return new Process(key, versions.Where(v => v.Key == key).ToList(), draft?.SavedBy, draft?.SavedAt);
        }).ToList();
    }

    /// <summary>Rollback = the older version's XML published again as the newest version; running cases stay where they are.</summary>
    public async Task<IActionResult> OnPostRollBackAsync(string key, int version, string? comment, CancellationToken ct)
    {
        try
        {
            var result = await designs.RollBackAsync(key, version, comment, User.Identity!.Name!, ct);
            TempData["Notice"] = string.Format(text["Designer.RolledBack"].Value, key, version, result.Deployed[0].Version);
        }
        catch (Exception ex) when (ex is WorkflowException or DefinitionException)
        {
            TempData["Notice"] = ex.Message;
        }
        return RedirectToPage();
    }

    public sealed record Process(string Key, IReadOnlyList<ProcessVersion> Versions, string? DraftBy, DateTime? DraftAt);
}
