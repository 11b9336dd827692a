namespace Lapor.Host.Audit.Exports;

/// <summary>
/// A period export's file, written step by step as <see cref="ExportBuilder"/> reads the period's cases: the same
/// content the one-case export gives for its case, for every case of the period.
/// </summary>
public abstract class ExportFile
{
    /// <summary>What the file says about itself: when, by whom, which period, whether the reporter was revealed and why.</summary>
    public sealed record Header(DateTimeOffset ExportedAt, string ExportedBy, string Scope, bool ReporterRevealed, string? RevealReason);

    public static ExportFile For(string format, Stream output, Header header) => format switch
    {
        "json" => new JsonExportFile(output, header),
        "xlsx" => new XlsxExportFile(output, header),
        _ => new CsvExportFile(output),
    };

    /// <returns>How many of <paramref name="cases"/> the file took (XLSX stops at its cap).</returns>
    public abstract Task<int> AddAsync(IReadOnlyList<CaseExport> cases, CancellationToken ct);

    public abstract Task FinishAsync(CancellationToken ct);
}
