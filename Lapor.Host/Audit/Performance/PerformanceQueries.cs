using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>Feeds the pure <see cref="PerformanceCalculator"/> from the database and lists the cases behind a figure.</summary>
public sealed class PerformanceQueries(LaporDb db, BusinessCalendar calendar, TimeProvider clock)
{
    public PerformanceCalculator Calculator { get; } = new(calendar);

    public async Task<PerformanceReport> ReportAsync(Period period, CancellationToken ct = default) =>
        Calculator.Compute(await FactsAsync(period, ct), period, clock.GetUtcNow());

    /// <summary>One report per month of <paramref name="period"/>, for the trend charts, from one read of the facts.</summary>
    public async Task<IReadOnlyList<PerformanceReport>> TrendAsync(Period period, CancellationToken ct = default)
    {
        var facts = await FactsAsync(period, ct);
        var now = clock.GetUtcNow();
        var (start, _) = period.Bounds(calendar.Zone);
        return period.Months().Where(m => m.Bounds(calendar.Zone).Start <= now || m.Bounds(calendar.Zone).Start == start)
            .Select(m => Calculator.Compute(facts, m, now)).ToList();
    }

    public async Task<IReadOnlyDictionary<string, string>> AgencyNamesAsync(CancellationToken ct = default) =>
        await db.Agencies.AsNoTracking().ToDictionaryAsync(a => a.Code, a => a.Name, ct);

    /// <summary>The reports behind a figure, newest first.</summary>
    public async Task<IReadOnlyList<Report>> CasesAsync(IReadOnlySet<string> codes, CancellationToken ct = default)
    {
        var parsed = codes.Select(TrackingCode.Parse).ToList();
        var reports = await db.Reports.AsNoTracking().Where(r => parsed.Contains(r.TrackingCode)).ToListAsync(ct);
        return reports.OrderByDescending(r => r.SubmittedAt).ToList();
    }

    /// <summary>
    /// Every report that can have a figure in the period: submitted before its end. Older reports matter too (a
    /// forward, a late answer or open work in the period), so the only cut is the end; see decision 009 on scale.
    /// </summary>
    private async Task<List<ReportFacts>> FactsAsync(Period period, CancellationToken ct)
    {
        var (_, end) = period.Bounds(calendar.Zone);
        var reports = await db.Reports.AsNoTracking().Where(r => r.SubmittedAt < end)
            .Select(r => new { r.TrackingCode, r.SubmittedAt, r.Timeline, r.Rating })
            .ToListAsync(ct);
        return reports.Select(r => new ReportFacts(r.TrackingCode.ToString(), r.SubmittedAt, r.Timeline, r.Rating?.Stars, r.Rating?.RatedAt)).ToList();
    }
}
