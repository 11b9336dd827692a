namespace Lapor.Host.Audit.Exports;

/// <summary>CSV, written as it goes: a row per event of every case (<see cref="ExportFormats.EventRows"/>).</summary>
public sealed class CsvExportFile : ExportFile
{
    private readonly StreamWriter writer;

    public CsvExportFile(Stream output)
    {
        writer = TableExport.CsvWriter(output);
        TableExport.WriteCsvRow(writer, ExportFormats.EventColumns);
    }

    public override async Task<int> AddAsync(IReadOnlyList<CaseExport> cases, CancellationToken ct)
    {
        foreach (var row in cases.SelectMany(ExportFormats.EventRows))
            TableExport.WriteCsvRow(writer, row);
        await writer.FlushAsync(ct);
        return cases.Count;
    }

    public override async Task FinishAsync(CancellationToken ct)
    {
        await writer.FlushAsync(ct);
        await writer.DisposeAsync();
    }
}
