using Lapor.Host.Audit;
using Lapor.Host.Audit.Exports;
using Lapor.Host.Audit.Performance;
using Lapor.Host.Infrastructure;
using Lapor.Host.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Audit;

/// <summary>
/// Ekspor: one case or a period as CSV, XLSX or JSON. One case downloads at once; a period is prepared in the background
/// and followed on its own page (<see cref="PreparedExportModel"/>). A plain download (GET) is always redacted;
/// revealing the reporter is a POST from an auditor with a reason, logged before the file is built.
/// </summary>
public sealed class ExportModel(AuditExporter exporter, ExportRequests requests, RevealLog reveals, LaporOptions options, IStringLocalizer<PortalText> text)
    : PageModel
{
    public int KeepHours => options.Exports.KeepHours;

    [BindProperty(SupportsGet = true, Name = "kasus")]
    public string? Case { get; set; }

    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? PeriodCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "format")]
    public string Format { get; set; } = "csv";

    [BindProperty(Name = "alasan")]
    public string? Reason { get; set; }

    public bool MayReveal => AuditAccess.MayRevealReporter(User);

    public IReadOnlyList<RevealEntry> Reveals { get; private set; } = [];

    public string? Error { get; private set; }

    public async Task OnGetAsync(CancellationToken ct)
    {
        if (MayReveal)
            Reveals = await reveals.RecentAsync(ct: ct);
    }

    public Task<IActionResult> OnGetDownloadAsync(CancellationToken ct) => ExportAsync(null, ct);

    public async Task<IActionResult> OnPostRevealAsync(CancellationToken ct)
    {
        if (!MayReveal)
            return Forbid();
        if (string.IsNullOrWhiteSpace(Reason) || Reason.Trim().Length < 10 || Reason.Length > 1000)
        {
            Error = text["Audit.Export.ReasonRequired"];
            Reveals = await reveals.RecentAsync(ct: ct);
            return Page();
        }
        return await ExportAsync(Reason, ct);
    }

    private async Task<IActionResult> ExportAsync(string? reason, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(Case))
        {
            // A period can hold thousands of cases: it is built in the background, and its page shows the progress.
            if (!Period.TryParse(PeriodCode, out var period))
                return BadRequest();
            var prepared = await requests.RequestAsync(User, period, ExportFormats.Names.Contains(Format) ? Format : "csv", reason, ct);
            return RedirectToPage("/Audit/PreparedExport", new { id = prepared.Id });
        }
        var export = await exporter.CaseAsync(User, Case, reason, ct);
        if (export is null)
            return NotFound();
        var format = ExportFormats.Names.Contains(Format) ? Format : "csv";
        var content = format switch
        {
            "json" => ExportFormats.ToJson(export),
            "xlsx" => ExportFormats.ToXlsx(export),
            _ => ExportFormats.ToCsv(export),
        };
        return File(content, ExportFormats.ContentType(format), ExportFormats.FileName(export.Scope, export.ReporterRevealed, format));
    }
}
