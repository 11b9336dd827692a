using System.Globalization;
using Lapor.Host.Audit.Exports;
using Lapor.Host.Infrastructure;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Audit;

/// <summary>
/// A period export being prepared: its progress (the page refreshes itself until it is done), then the file. Only the
/// account that asked for it finds it; for anyone else it does not exist.
/// </summary>
public sealed class PreparedExportModel(ExportRequests requests, LaporOptions options) : PageModel
{
    public PreparedExport Export { get; private set; } = null!;

    public bool InProgress => Export.State is PreparedExportState.Queued or PreparedExportState.Building;

    public DateTimeOffset KeptUntil => new DateTimeOffset(DateTime.SpecifyKind(Export.FinishedAt ?? Export.CreatedAt, DateTimeKind.Utc))
        .AddHours(options.Exports.KeepHours);

    public int Percent => Export.CasesTotal == 0 ? (InProgress ? 0 : 100) : (int)(100L * Export.CasesDone / Export.CasesTotal);

    public string Size => Export.Length is not { } bytes ? ""
        : bytes >= 1 << 20 ? (bytes / 1048576.0).ToString("0.0 'MB'", CultureInfo.CurrentCulture)
        : (bytes / 1024.0).ToString("0 'KB'", CultureInfo.CurrentCulture);

    public async Task<IActionResult> OnGetAsync(Guid id, CancellationToken ct)
    {
        if (await requests.FindAsync(User, id, ct) is not { } export)
            return NotFound();
        Export = export;
        return Page();
    }

    /// <summary>The progress as JSON, for scripts and tools that wait for the file.</summary>
    public async Task<IActionResult> OnGetStatusAsync(Guid id, CancellationToken ct)
    {
        if (await requests.FindAsync(User, id, ct) is not { } export)
            return NotFound();
        var file = export.State == PreparedExportState.Ready ? Url.Page("/Audit/PreparedExport", "File", new { id }) : null;
        return new JsonResult(new
        {
            state = export.State.ToString(), casesDone = export.CasesDone, casesTotal = export.CasesTotal, casesWritten = export.CasesWritten,
            length = export.Length, file,
        });
    }

    public async Task<IActionResult> OnGetFileAsync(Guid id, CancellationToken ct)
    {
        if (await requests.FindAsync(User, id, ct) is not { } export)
            return NotFound();
        if (await requests.OpenAsync(export, ct) is not { } content)
            return NotFound();
        return File(content, ExportFormats.ContentType(export.Format), ExportFormats.FileName(export.Scope, export.RevealReason is not null, export.Format));
    }
}
