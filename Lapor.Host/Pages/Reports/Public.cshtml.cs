using Lapor.Host.Localization;
using Lapor.Host.Pages.Shared;
using Lapor.Host.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Reports;

/// <summary>
/// A report's public page. Unknown and confidential codes get the same 404, so the page cannot be used to learn
/// that a confidential report exists.
/// </summary>
public sealed class PublicModel(ReportQueries queries, ProcessStages stages) : PageModel
{
    public ReportView View { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await queries.PublicAsync(code, ct) is not { } report)
            return NotFound();
        View = new ReportView(report, await stages.LoadAsync(ct));
        return Page();
    }
}
