using Lapor.Domain.Reports;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// The moments at which a report can count in a period's figures, and the months they name. Pure: the same rules serve
/// the writer (<see cref="PerformanceMarker"/>, in the SaveChanges that changes the report), the backfill and the tallies.
/// </summary>
public static class PerformanceMarks
{
    /// <summary>Every mark of one report, from the same timeline reading the figures use (<see cref="CaseHistory"/>).</summary>
    public static IReadOnlyList<PerformanceMark> Of(Guid reportId, ReportFacts facts, TimeZoneInfo zone)
    {
        var history = new CaseHistory(facts);
        var marks = new HashSet<PerformanceMark> { new(reportId, PerformanceMarkKind.Submitted, facts.SubmittedAt) };
        foreach (var stay in history.Assignments)
            marks.Add(new PerformanceMark(reportId, PerformanceMarkKind.Stay, stay.Start));
        foreach (var finish in history.Finishes())
            marks.Add(new PerformanceMark(reportId, PerformanceMarkKind.Finish, finish.When));
        if (facts.RatedAt is { } ratedAt)
            marks.Add(new PerformanceMark(reportId, PerformanceMarkKind.Rated, ratedAt));
        AddOpenRuns(reportId, history, zone, marks);
        // Cut to the microsecond PostgreSQL keeps, so a mark computed from a step being saved equals the one read back.
        return marks.Select(m => m with { At = m.At.AddTicks(-(m.At.Ticks % 10)) }).Distinct().ToList();
    }

    /// <summary>
    /// The months in which the marks make a report count (decision 035): the month of each moment, and for a run that
    /// ended the month each of its month starts closes (the backlog is a snapshot at a month's end). The run still open
    /// names no month: the open stays stand for it.
    /// </summary>
    public static IEnumerable<int> Months(IEnumerable<PerformanceMark> marks, TimeZoneInfo zone) =>
        marks.Where(m => m.Kind != PerformanceMarkKind.OpenSince)
            .Select(m => PerformanceTallies.Containing(m.Kind == PerformanceMarkKind.OpenAtMonthStart ? m.At.AddTicks(-1) : m.At, zone).First())
            .Select(PerformanceMonth.KeyOf).Distinct();

    /// <summary>
    /// The report's open runs (<see cref="CaseHistory.OpenRuns"/>): a run that ended gets a mark at each month start
    /// inside it; the run still open gets one mark at its start.
    /// </summary>
    private static void AddOpenRuns(Guid reportId, CaseHistory history, TimeZoneInfo zone, HashSet<PerformanceMark> marks)
    {
        foreach (var (from, to) in history.OpenRuns())
        {
            if (to is { } end)
                foreach (var monthStart in MonthStarts(from, end, zone))
                    marks.Add(new PerformanceMark(reportId, PerformanceMarkKind.OpenAtMonthStart, monthStart));
            else
                marks.Add(new PerformanceMark(reportId, PerformanceMarkKind.OpenSince, from));
        }
    }

    /// <summary>The first moments of months (in the calendar's zone, as <see cref="Period.Bounds"/> has them) in [from, to).</summary>
    private static IEnumerable<DateTimeOffset> MonthStarts(DateTimeOffset from, DateTimeOffset to, TimeZoneInfo zone)
    {
        var local = TimeZoneInfo.ConvertTime(from, zone);
        var month = Period.Month(local.Year, local.Month);
        for (var start = month.Bounds(zone).Start; start < to; month = Next(month), start = month.Bounds(zone).Start)
            if (start >= from)
                yield return start;
    }

    private static Period Next(Period month) => month.Index == 12 ? Period.Month(month.Year + 1, 1) : Period.Month(month.Year, month.Index + 1);
}
