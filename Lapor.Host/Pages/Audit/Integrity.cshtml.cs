using Lapor.Host.Audit;
using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;
using Lapor.Workflows.History;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Audit;

/// <summary>
/// Integritas riwayat: verifies one case's hash chain, or every chain a page at a time; the running totals travel in
/// the "continue" link, so the check needs no state on the server and reads only.
/// </summary>
public sealed class IntegrityModel(HistoryIntegrity integrity, CaseLocator cases, LaporDb db) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "kasus")]
    public string? Case { get; set; }

    [BindProperty(SupportsGet = true, Name = "semua")]
    public bool All { get; set; }

    [BindProperty(SupportsGet = true, Name = "setelah")]
    public string? After { get; set; }

    [BindProperty(SupportsGet = true, Name = "rantai")]
    public int ChainsBefore { get; set; }

    [BindProperty(SupportsGet = true, Name = "baris")]
    public long RowsBefore { get; set; }

    [BindProperty(SupportsGet = true, Name = "rusak")]
    public int BrokenBefore { get; set; }

    public ChainVerification? Single { get; private set; }

    public bool CaseMissing { get; private set; }

    public IntegrityPage? Progress { get; private set; }

    /// <summary>The report code of each broken chain that is a case, so the auditor sees which case, not an id.</summary>
    public IReadOnlyDictionary<string, string> ReportCodes { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(Case))
        {
            var found = await cases.FindForAsync(User, Case, ct);
            if (found is null)
                CaseMissing = true;
            else
                Single = await integrity.VerifyChainAsync(found.InstanceId, ct);
        }
        else if (All)
        {
            Progress = await integrity.VerifyPageAsync(After, HistoryIntegrity.DefaultPageSize, ct);
        }
        var broken = (Progress?.Broken ?? []).Concat(Single is { Intact: false } one ? [one] : []).Select(c => c.ChainId).ToList();
        if (broken.Count > 0)
            ReportCodes = (await db.Reports.AsNoTracking().Where(r => r.ProcessInstanceId != null && broken.Contains(r.ProcessInstanceId))
                    .Select(r => new { r.ProcessInstanceId, r.TrackingCode }).ToListAsync(ct))
                .ToDictionary(r => r.ProcessInstanceId!, r => r.TrackingCode.ToString());
    }

    public int ChainsSoFar => ChainsBefore + (Progress?.Chains.Count ?? 0);

    public long RowsSoFar => RowsBefore + (Progress?.RowsChecked ?? 0);

    public int BrokenSoFar => BrokenBefore + (Progress?.Broken.Count() ?? 0);
}
