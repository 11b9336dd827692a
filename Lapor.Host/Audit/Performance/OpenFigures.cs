using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

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
    internal readonly record struct Stay(string Agency, DateTimeOffset Start, DateOnly Day);

    /// <summary>One open report: its stays in the run, oldest first.</summary>
    internal sealed record Run(DateTimeOffset SubmittedAt, DateTimeOffset RunStart, Stay[] Stays, bool Unanswered, int LateCounted);

    /// <summary>
    /// Every open report's run, in one read of short rows in key order (a report's stays together, its first with
    /// <c>Seq</c> 0), so no report id is read or hashed.
    /// </summary>
    public static async Task<IReadOnlyList<Run>> ReadAsync(LaporDb db, CancellationToken ct)
    {
        var rows = await db.Set<PerformanceOpenStay>().AsNoTracking().OrderBy(s => s.ReportId).ThenBy(s => s.Seq)
            .Select(s => new { s.Seq, s.Agency, s.Start, s.StartDay, s.RunStart, s.SubmittedAt, s.Unanswered, s.LateCounted })
            .ToListAsync(ct);
        var runs = new List<Run>();
        var agencies = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 0; i < rows.Count;)
        {
            var end = i + 1;
            while (end < rows.Count && rows[end].Seq != 0)
                end++;
            var stays = new Stay[end - i];
            for (var j = i; j < end; j++)
            {
                var agency = agencies.TryGetValue(rows[j].Agency, out var known) ? known : agencies[rows[j].Agency] = rows[j].Agency;
                stays[j - i] = new Stay(agency, rows[j].Start, DateOnly.FromDayNumber(rows[j].StartDay));
            }
            var current = rows[end - 1];
            runs.Add(new Run(current.SubmittedAt, current.RunStart, stays, current.Unanswered, current.LateCounted));
            i = end;
        }
        return runs;
    }

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
                // The holder then: the last stay started by then (the run's first one started before the run did).
                var holder = run.Stays[0];
                foreach (var stay in run.Stays)
                    if (stay.Start <= asOf)
                        holder = stay;
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
