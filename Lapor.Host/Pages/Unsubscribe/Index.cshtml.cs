using Lapor.Host.Data;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Pages.Unsubscribe;

/// <summary>
/// The unsubscribe link of a reporter's notices. Opening the link only asks (mail scanners follow links); the button
/// stops the notices. The token is the report's random notice secret, so it works without signing in and cannot be
/// guessed from a tracking code.
/// </summary>
public sealed class IndexModel(LaporDb db) : PageModel
{
    public string? Code { get; private set; }

    public bool Done { get; private set; }

    public async Task<IActionResult> OnGetAsync(string token, CancellationToken ct)
    {
        var report = await FindAsync(token, ct);
        if (report is null)
            return NotFoundPage();
        Code = report.TrackingCode.ToString();
        Done = report.NoticesStopped;
        return Page();
    }

    public async Task<IActionResult> OnPostAsync(string token, CancellationToken ct)
    {
        var report = await FindAsync(token, ct);
        if (report is null)
            return NotFoundPage();
        report.StopNotices();
        await db.SaveChangesAsync(ct);
        Code = report.TrackingCode.ToString();
        Done = true;
        return Page();
    }

    private Task<Lapor.Domain.Reports.Report?> FindAsync(string token, CancellationToken ct) =>
        token.Length is < 16 or > 64 ? Task.FromResult<Lapor.Domain.Reports.Report?>(null) : db.Reports.FirstOrDefaultAsync(r => r.NoticeToken == token, ct);

    private IActionResult NotFoundPage()
    {
        Response.StatusCode = StatusCodes.Status404NotFound;
        return Page();
    }
}
