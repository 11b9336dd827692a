using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Feeds the pure <see cref="PerformanceCalculator"/> from the database and lists the cases behind a figure. A period
/// reads only the reports its marks name (decision 033): the cost follows the period's cases, not the years of data.
/// </summary>
public sealed class PerformanceQueries(LaporDb db, BusinessCalendar calendar, TimeProvider clock)
{
    public PerformanceCalculator Calculator { get; } = new(calendar);

    public async Task<PerformanceReport> ReportAsync(Period period, CancellationToken ct = default) =>
        Calculator.Compute((await FactsAsync(period, ct)).Values, period, clock.GetUtcNow());

    /// <summary>One report per month of <paramref name="period"/>, for the trend charts, from one read of the facts.</summary>
    public async Task<IReadOnlyList<PerformanceReport>> TrendAsync(Period period, CancellationToken ct = default)
    {
        var facts = await FactsAsync(period, ct);
        // Each report's marks follow from the facts just read, by the rules that wrote them: not read a second time.
        var marks = facts.SelectMany(f => PerformanceMarks.Of(f.Key, f.Value, calendar.Zone)).ToList();
        var now = clock.GetUtcNow();
        var (start, _) = period.Bounds(calendar.Zone);
        return period.Months().Where(m => m.Bounds(calendar.Zone).Start <= now || m.Bounds(calendar.Zone).Start == start)
            .Select(m =>
            {
                // Each month computes only the reports its own marks name, the same choice ReportAsync makes for it.
                var countsIn = PerformanceMarks.CountIn(m, calendar.Zone).Compile();
                var reports = marks.Where(countsIn).Select(x => x.ReportId).Distinct().Select(id => facts[id]);
                return Calculator.Compute(reports, m, now);
            }).ToList();
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
    /// The reports that can have a figure in the period or one of its months: those with a mark that counts in it (an
    /// index range on the marks' kind and moment). Their steps are read without the texts, which no figure uses.
    /// </summary>
    private async Task<Dictionary<Guid, ReportFacts>> FactsAsync(Period period, CancellationToken ct)
    {
        var ids = db.Set<PerformanceMark>().Where(PerformanceMarks.CountIn(period, calendar.Zone)).Select(m => m.ReportId);
        // One read for the reports and their steps: the marks' range is the costly part (a year at a million reports
        // is 850,000 marks), and two reads walked it twice.
        var rows = await db.Reports.AsNoTracking().Where(r => ids.Contains(r.Id))
            .Select(r => new
            {
                r.Id, r.TrackingCode, r.SubmittedAt, Stars = (int?)r.Rating!.Stars, RatedAt = (DateTimeOffset?)r.Rating.RatedAt,
                Steps = r.Timeline.Where(t => Counted.Contains(t.Kind)).Select(t => new { t.Seq, t.When, t.Kind, t.AgencyCode }).ToList(),
            })
            .ToListAsync(ct);
        return rows.ToDictionary(r => r.Id, r => new ReportFacts(r.TrackingCode.ToString(), r.SubmittedAt,
            r.Steps.OrderBy(t => t.Seq).Select(t => new TimelineEntry(t.When, t.Kind, null, null, t.AgencyCode) { Seq = t.Seq }).ToList(),
            r.Stars, r.RatedAt));
    }

    /// <summary>The steps <see cref="CaseHistory"/> reads; the others (submitted, stage texts, questions …) change no figure.</summary>
    private static readonly TimelineEntryKind[] Counted =
    [
        TimelineEntryKind.Disposed, TimelineEntryKind.Forwarded, TimelineEntryKind.PublicResponse,
        TimelineEntryKind.AwaitingConfirmation, TimelineEntryKind.Closed, TimelineEntryKind.Reopened,
    ];
}
