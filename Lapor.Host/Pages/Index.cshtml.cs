using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Pages.Shared;
using Lapor.Host.Reports;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages;

/// <summary>Beranda: what Lapor is, the way in (submit, track) and a few of the latest public reports.</summary>
public sealed class IndexModel(ReportQueries queries, ProcessStages stages, LaporDb db) : PageModel
{
    private const int LatestCount = 5;

    public IReadOnlyList<ReportSummary> Latest { get; private set; } = [];

    public StageLabels Stages { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> CategoryNames { get; private set; } = new Dictionary<string, string>();

    public async Task OnGetAsync(CancellationToken ct)
    {
        var page = await queries.PublicListAsync(new ReportFilter(PageSize: LatestCount), ct);
        Latest = page.Items;
        Stages = await stages.LoadAsync(ct);
        CategoryNames = await db.CategoryNamesAsync(ct);
    }
}
