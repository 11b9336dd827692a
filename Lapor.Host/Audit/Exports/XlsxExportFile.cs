namespace Lapor.Host.Audit.Exports;

/// <summary>
/// XLSX, a sheet each for cases, timeline and journal. The workbook is built whole when the last case is in, so it
/// takes the first <see cref="AuditExporter.MaxSpreadsheetCases"/> cases of the period; the status page says so.
/// </summary>
public sealed class XlsxExportFile(Stream output, ExportFile.Header header) : ExportFile
{
    private readonly List<CaseExport> cases = [];

    public override Task<int> AddAsync(IReadOnlyList<CaseExport> more, CancellationToken ct)
    {
        var taken = Math.Min(more.Count, AuditExporter.MaxSpreadsheetCases - cases.Count);
        cases.AddRange(more.Take(taken));
        return Task.FromResult(taken);
    }

    public override async Task FinishAsync(CancellationToken ct)
    {
        var export = new AuditExport(header.ExportedAt, header.ExportedBy, header.Scope, header.ReporterRevealed, header.RevealReason, cases);
        await output.WriteAsync(ExportFormats.ToXlsx(export), ct);
    }
}
