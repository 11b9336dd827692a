using Lapor.Domain.Reports;
using Lapor.Host.Audit;
using Lapor.Host.Audit.Performance;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;

namespace Lapor.Host.Pages.Audit;

/// <summary>The cases behind one figure of the performance page: same period, same agency, same rule.</summary>
public sealed class PerformanceCasesModel(PerformanceQueries queries, CaseLocator locator) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "periode")]
    public string? PeriodCode { get; set; }

    [BindProperty(SupportsGet = true, Name = "instansi")]
    public string? Agency { get; set; }

    [BindProperty(SupportsGet = true, Name = "angka")]
    public Figure? Figure { get; set; }

    public Period Period { get; private set; } = null!;

    public string AgencyName { get; private set; } = "";

    public IReadOnlyList<Report> Cases { get; private set; } = [];

    public async Task<IActionResult> OnGetAsync(CancellationToken ct)
    {
        if (!Lapor.Host.Audit.Performance.Period.TryParse(PeriodCode, out var period) || Figure is not { } figure || string.IsNullOrWhiteSpace(Agency))
            return BadRequest();
        Period = period;
        var report = await queries.WithCasesAsync(period, ct);
        var names = await queries.AgencyNamesAsync(ct);
        AgencyName = Agency == AgencyFigures.AllAgencies ? "*" : names.GetValueOrDefault(Agency, Agency);
        var codes = report.For(Agency)?.Cases(figure) ?? new HashSet<string>();
        Cases = await queries.CasesAsync(codes, ct);
        // The Ombudsman reads the figures (they name no one) but lists only the escalated cases behind them.
        if (AuditAccess.EscalatedOnly(User))
        {
            var escalated = await locator.EscalatedAsync(Cases.Where(c => c.ProcessInstanceId is not null).Select(c => c.ProcessInstanceId!).ToList(), ct);
            Cases = Cases.Where(c => c.ProcessInstanceId is not null && escalated.Contains(c.ProcessInstanceId)).ToList();
        }
        return Page();
    }
}
