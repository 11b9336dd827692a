using Lapor.Host.Localization;
using Lapor.Host.Reports;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Reports;

/// <summary>Terkirim: hands the reporter the tracking code and says what happens next.</summary>
public sealed class SubmittedModel(ReportQueries queries) : PageModel
{
    // The deadlines of workflows/lapor-pengaduan.bpmn as shipped; the process file is what enforces them.
    public const int VerificationWorkingDays = 3;
    public const int ResponseWorkingDays = 5;

    public PublicReport Report { get; private set; } = null!;

    public async Task<IActionResult> OnGetAsync(string code, CancellationToken ct)
    {
        if (await queries.TrackAsync(code, ct) is not { } report)
            return NotFound();
        Report = report;
        return Page();
    }
}
