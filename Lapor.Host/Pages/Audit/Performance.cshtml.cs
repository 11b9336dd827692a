using System.Text.Json;
using Lapor.Host.Audit;
using Lapor.Host.Audit.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Audit;

/// <summary>Kinerja instansi: the agency figures for a month, semester or year, their trend, and the same numbers as CSV/XLSX.</summary>
public sealed class PerformanceModel(PerformanceQueries queries, TimeProvider clock) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? PeriodCode { get; set; }

    public Period Period { get; private set; } = null!;

    public PerformanceReport Report { get; private set; } = null!;

    public IReadOnlyDictionary<string, string> Names { get; private set; } = new Dictionary<string, string>();

    public string TrendJson { get; private set; } = "{}";

    public int Deadline => queries.Calculator.DeadlineWorkingDays;

    public async Task OnGetAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        var trend = await queries.TrendLinesAsync(Period.WholeYear(Period.Year), ct);
        TrendJson = JsonSerializer.Serialize(new
        {
            months = trend.Select(t => t.Period.Code),
            received = trend.Select(t => t.Received),
            completed = trend.Select(t => t.Completed),
            onTime = trend.Select(t => t.OnTimeShare is { } s ? Math.Round(s * 100, 1) : (double?)null),
            agencies = Report.Agencies.Select(a => Names.GetValueOrDefault(a.AgencyCode, a.AgencyCode)),
            agencyOnTime = Report.Agencies.Select(a => a.OnTimeShare is { } s ? Math.Round(s * 100, 1) : (double?)null),
        });
    }

    public async Task<IActionResult> OnGetCsvAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return File(TableExport.Csv(FiguresTable.Build(Report, Names)), TableExport.CsvType, $"kinerja-{Period.Code}.csv");
    }

    public async Task<IActionResult> OnGetXlsxAsync(CancellationToken ct)
    {
        await LoadAsync(ct);
        return File(TableExport.Xlsx(FiguresTable.Build(Report, Names)), TableExport.XlsxType, $"kinerja-{Period.Code}.xlsx");
    }

    public string CasesLink(string agency, Figure figure) =>
        $"/Audit/Kinerja/Kasus?periode={Period.Code}&instansi={Uri.EscapeDataString(agency)}&angka={figure}";

    private async Task LoadAsync(CancellationToken ct)
    {
        if (!Lapor.Host.Audit.Performance.Period.TryParse(PeriodCode, out var period))
        {
            var today = clock.GetUtcNow();
            period = Lapor.Host.Audit.Performance.Period.Semester(today.Year, today.Month <= 6 ? 1 : 2);
        }
        Period = period;
        Report = await queries.ReportAsync(period, ct);
        Names = await queries.AgencyNamesAsync(ct);
    }
}
