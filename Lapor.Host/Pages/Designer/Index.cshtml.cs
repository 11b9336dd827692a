using System.Text.Json;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Workflows.Errors;
using Lapor.Workflows.History;
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

    /// <summary>(key, version) of each version that is a rollback → the version it published again (from the operation log).</summary>
    public IReadOnlyDictionary<(string Key, int Version), int> RolledBack { get; private set; } = new Dictionary<(string, int), int>();

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
        var rollbacks = await db.Set<HistoryEventRow>().AsNoTracking()
            .Where(h => h.Kind == HistoryEventKind.UserOperation && h.Name == ProcessDesigns.RollBackOperation)
            .Select(h => h.Detail).ToListAsync(ct);
        RolledBack = rollbacks.Select(d => d is null ? null : JsonSerializer.Deserialize<ProcessDesigns.RollBackDetail>(d)).OfType<ProcessDesigns.RollBackDetail>()
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
