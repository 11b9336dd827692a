using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Pages.Shared;
using Lapor.Host.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.MyReports;

/// <summary>Laporan saya: what the signed-in reporter submitted, each line opening the reporter's own tracking view.</summary>
public sealed class IndexModel(ReportQueries queries, ProcessStages stages, LaporDb db, UserManager<LaporUser> users) : PageModel
{
    public ReportListView Lines { get; private set; } = null!;

    public async Task OnGetAsync(CancellationToken ct)
    {
        // The folder is authorized (Program.cs), so a user id is always there.
        var userId = users.GetUserId(User)!;
        var own = await queries.OwnAsync(userId, ct);
        Lines = new ReportListView(own, await stages.LoadAsync(ct), await db.CategoryNamesAsync(ct), LinkPrefix: "/Lacak/");
    }
}
