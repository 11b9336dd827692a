namespace Lapor.Host.Audit.Performance;

/// <summary>
/// What one report adds to the tallies and to the open stays (decision 035). Pure: the writer computes it for a report
/// before and after a change and stores the difference; the backfill computes it for every report. Each period's part
/// is <see cref="PerformanceCalculator.Settled"/> on that report alone, so the tallies cannot mean anything else than
/// the calculator's figures.
/// </summary>
public static class PerformanceTallies
{
    private static readonly Figure[] Figures = Enum.GetValues<Figure>();

    /// <summary>The report's settled counts in every month, semester and year its marks name.</summary>
    public static Dictionary<TallyKey, int> Of(ReportFacts facts, IEnumerable<PerformanceMark> marks, PerformanceCalculator calculator, TimeZoneInfo zone)
    {
        var counts = new Dictionary<TallyKey, int>();
        void Add(TallyKey key, int count = 1) => counts[key] = counts.GetValueOrDefault(key) + count;
        // A month-start mark stands for the backlog at the end of the period before it.
        var periods = marks.Where(m => m.Kind != PerformanceMarkKind.OpenSince)
            .SelectMany(m => Containing(m.Kind == PerformanceMarkKind.OpenAtMonthStart ? m.At.AddTicks(-1) : m.At, zone)).Distinct();
        foreach (var period in periods)
        {
            var report = calculator.Settled(facts, period);
            var code = period.Code;
            if (report.Submitted > 0)
                Add(new TallyKey(code, AgencyFigures.AllAgencies, TallyKey.Submitted, 0));
            foreach (var figures in report.Agencies.Append(report.Total))
            {
                foreach (var figure in Figures)
                    if (figures.Count(figure) > 0)
                        Add(new TallyKey(code, figures.AgencyCode, (int)figure, 0), figures.Count(figure));
                foreach (var (days, times) in figures.ResponseDays.Distinct)
                    Add(new TallyKey(code, figures.AgencyCode, TallyKey.ResponseDays, days), times);
                foreach (var (stars, times) in figures.Stars.Distinct)
                    Add(new TallyKey(code, figures.AgencyCode, TallyKey.Stars, stars), times);
            }
        }
        return counts;
    }

    /// <summary>What turns <paramref name="before"/> into <paramref name="after"/>, without zeros.</summary>
    public static IEnumerable<(TallyKey Key, int Delta)> Difference(IReadOnlyDictionary<TallyKey, int> before, IReadOnlyDictionary<TallyKey, int> after) =>
        after.Keys.Union(before.Keys)
            .Select(k => (k, after.GetValueOrDefault(k) - before.GetValueOrDefault(k)))
            .Where(x => x.Item2 != 0);

    /// <summary>
    /// The stays of the run the report is still held open in (none when it is not): every stay that was current at some
    /// moment of the run, the one current at its start included.
    /// </summary>
    public static List<PerformanceOpenStay> OpenStays(Guid reportId, ReportFacts facts, IReadOnlyDictionary<TallyKey, int> settled, TimeZoneInfo zone)
    {
        var history = new CaseHistory(facts);
        if (history.OpenSince is not { } since)
            return [];
        var stays = history.Assignments.Where(a => a.EndedAt is null || a.EndedAt > since).ToList();
        var current = stays[^1];
        var lateCounted = 0;
        var periods = Containing(current.Start, zone).ToList();
        for (var i = 0; i < periods.Count; i++)
        {
            if (settled.ContainsKey(new TallyKey(periods[i].Code, current.Agency, (int)Figure.Late, 0)))
                lateCounted |= 1 << (2 * i);
            if (settled.ContainsKey(new TallyKey(periods[i].Code, AgencyFigures.AllAgencies, (int)Figure.Late, 0)))
                lateCounted |= 1 << (2 * i + 1);
        }
        return stays.Select((stay, i) => new PerformanceOpenStay
        {
            ReportId = reportId, Seq = i, Agency = stay.Agency, Start = Micro(stay.Start),
            StartDay = DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(stay.Start, zone).DateTime).DayNumber,
            End = stay.EndedAt is { } end ? Micro(end) : null,
            RunStart = Micro(since), SubmittedAt = Micro(facts.SubmittedAt),
            Unanswered = i == stays.Count - 1 && stay.FirstResponseAt is null,
            LateCounted = i == stays.Count - 1 ? lateCounted : 0,
        }).ToList();
    }

    /// <summary>The month, semester and year (in that order, as <see cref="PeriodKind"/> numbers them) holding a moment.</summary>
    public static IEnumerable<Period> Containing(DateTimeOffset moment, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(moment, zone);
        yield return Period.Month(local.Year, local.Month);
        yield return Period.Semester(local.Year, local.Month <= 6 ? 1 : 2);
        yield return Period.WholeYear(local.Year);
    }

    /// <summary>Cut to the microsecond PostgreSQL keeps, so a row computed in memory equals the one read back.</summary>
    private static DateTimeOffset Micro(DateTimeOffset t) => t.AddTicks(-(t.Ticks % 10));
}
