using Lapor.Workflows.Calendars;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// The figures the open stays add when the dashboard is asked (decision 035): the backlog at the period's end (or now
/// while it runs) of the reports still held open since before then, and the current stays that have had no answer
/// for longer than the deadline. The rules are <see cref="PerformanceCalculator"/>'s, applied to what is left of them
/// for a report whose run has not ended: the holder at a moment is the last stay started by then, and nothing in the
/// run closes it.
/// </summary>
internal sealed class OpenFigures(BusinessCalendar calendar, int deadlineWorkingDays)
{
    /// <summary>One open report: its stays in the run, with their start dates read once.</summary>
    internal sealed record Run(DateTimeOffset SubmittedAt, DateTimeOffset RunStart, IReadOnlyList<(string Agency, DateTimeOffset Start, DateOnly Day)> Stays,
        bool Unanswered, int LateCounted);

    public IReadOnlyList<Run> Read(IEnumerable<PerformanceOpenStay> rows) =>
        rows.GroupBy(r => r.ReportId).Select(g =>
        {
            var stays = g.OrderBy(r => r.Seq).ToList();
            var current = stays[^1];
            return new Run(current.SubmittedAt, current.RunStart, stays.Select(s => (s.Agency, s.Start, calendar.DateOf(s.Start))).ToList(),
                current.Unanswered, current.LateCounted);
        }).ToList();

    public void AddTo(Period period, DateTimeOffset asOf, DateTimeOffset now, IReadOnlyList<Run> runs, Func<string, AgencyFigures> of, AgencyFigures total)
    {
        var (start, end) = period.Bounds(calendar.Zone);
        var asOfDay = calendar.DateOf(asOf);
        var today = calendar.DateOf(now);
        var lateBit = (int)period.Kind * 2;
        foreach (var run in runs)
        {
            if (run.RunStart <= asOf && run.SubmittedAt < asOf)
            {
                var holder = run.Stays.Last(s => s.Start <= asOf);
                var bucket = PerformanceCalculator.Bucket(calendar.WorkingDaysBetween(holder.Day, asOfDay));
                of(holder.Agency).AddCount(bucket, 1);
                total.AddCount(bucket, 1);
            }
            var current = run.Stays[^1];
            if (run.Unanswered && current.Start >= start && current.Start < end
                && calendar.WorkingDaysBetween(current.Day, today) > deadlineWorkingDays)
            {
                if ((run.LateCounted & (1 << lateBit)) == 0)
                    of(current.Agency).AddCount(Figure.Late, 1);
                if ((run.LateCounted & (1 << (lateBit + 1))) == 0)
                    total.AddCount(Figure.Late, 1);
            }
        }
    }
}
