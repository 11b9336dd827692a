using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// The figures the open stays add when the dashboard is asked (decision 035): the backlog at a period's end (or now
/// while it runs) of the reports held open since before then, and the current stays that have had no answer for longer
/// than the deadline. The rules are <see cref="PerformanceCalculator"/>'s, applied to what is left of them for a report
/// whose run has not ended: the holder at a moment is the stay that had started by then and not yet been handed on,
/// and nothing in the run closes it. The database counts the rows by agency and start date (two statements, the same
/// SQL on both providers); only those few counts come back, to be bucketed by working days here.
/// </summary>
internal sealed class OpenFigures(LaporDb db, BusinessCalendar calendar, int deadlineWorkingDays)
{
    /// <summary>One period being read: where its open figures go.</summary>
    internal sealed record Target(Period Period, DateTimeOffset AsOf, Func<string, AgencyFigures> Of, AgencyFigures Total);

    /// <param name="backlogs">The targets whose backlog is wanted from the open stays (a subset of
    /// <paramref name="targets"/>): not those the chart reads without one, nor those kept (decision 037).</param>
    /// <param name="provinceOnly">Only the province's late count is wanted (the chart's lines): counted without grouping
    /// by agency, a third less work for a year's stays at a million reports.</param>
    public async Task AddToAsync(IReadOnlyList<Target> targets, IReadOnlyList<Target> backlogs, DateTimeOffset now, bool provinceOnly,
        CancellationToken ct)
    {
        if (targets.Count == 0)
            return;
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (backlogs.Count > 0)
                await AddBacklogAsync(backlogs, ct);
            await AddLateAsync(targets, now, provinceOnly, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// Each target's backlog: the stays current at its moment, counted by agency and age bucket (one statement per
    /// moment; a join with all moments would have to sort what it groups). The buckets' first start dates are worked
    /// out here from the calendar and the database groups straight into them: about 150 rows at a million reports. A
    /// first grouping by agency and start date, summed into the buckets by an outer query, made PostgreSQL hash 13,000
    /// groups first (45 ms against 8 ms for the end of 2025 at a million reports; SQLite 12 against 8 ms).
    /// </summary>
    private async Task AddBacklogAsync(IReadOnlyList<Target> targets, CancellationToken ct)
    {
        var buckets = PerformanceCalculator.BacklogBuckets;
        var cases = string.Concat(Enumerable.Range(0, buckets.Length - 1).Select(i => $"WHEN \"StartDay\" >= @from{i} THEN {i} "));
        foreach (var moment in targets.GroupBy(t => t.AsOf))
        {
            await using var command = RawCommand.Create(db,
                $"""
                SELECT "Agency", CASE {cases}ELSE {buckets.Length - 1} END AS "Bucket", COUNT(*)
                FROM performance_open_stay
                WHERE "RunStart" <= @at AND "SubmittedAt" < @at AND "Start" <= @at AND ("End" IS NULL OR "End" > @at)
                GROUP BY 1, 2
                """, db.Database.CurrentTransaction).With("@at", moment.Key.UtcTicks);
            var day = calendar.DateOf(moment.Key);
            for (var i = 0; i < buckets.Length - 1; i++)
                command.With($"@from{i}", FirstDayWithin(calendar, day, buckets[i].MostWorkingDays).DayNumber);
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var agency = reader.GetString(0);
                var bucket = buckets[reader.GetInt32(1)].Figure;
                var count = (int)reader.GetInt64(2);
                foreach (var target in moment)
                {
                    target.Of(agency).AddCount(bucket, count);
                    target.Total.AddCount(bucket, count);
                }
            }
        }
    }

    /// <summary>The first start date whose unanswered stays are not yet late at <paramref name="now"/>: earlier ones are.</summary>
    internal static DateOnly LateBefore(BusinessCalendar calendar, DateTimeOffset now, int deadlineWorkingDays) =>
        FirstDayWithin(calendar, calendar.DateOf(now), deadlineWorkingDays);

    /// <summary>
    /// The earliest start date whose working days up to <paramref name="day"/> are at most <paramref name="workingDays"/>:
    /// the count only grows as the start moves back, so every later start is within it too.
    /// </summary>
    private static DateOnly FirstDayWithin(BusinessCalendar calendar, DateOnly day, int workingDays)
    {
        // A year back holds any bucket's working days in a calendar that has some.
        var first = day;
        var earliest = day.AddYears(-1);
        while (first > earliest && calendar.WorkingDaysBetween(first.AddDays(-1), day) <= workingDays)
            first = first.AddDays(-1);
        return first;
    }

    /// <summary>
    /// Unanswered current stays that started in the targets' periods, late by now unless already counted late. A stay
    /// is late when its start date is before the first date within the deadline's working days of today (the same
    /// bound as the backlog's buckets), so the database keeps only late ones. Periods run from local midnight to local
    /// midnight, so a stay's local start date says which periods it is in, and the range is one of start dates.
    /// The province's count (the chart's lines, a year of stays) is grouped by start date and what is already counted,
    /// the index's own order, so SQLite streams it without a sort: 2.5 → 0.7 ms for a year at a million reports, where
    /// grouping into the periods' stretches with a CASE sorted 15,000 index entries. Per agency (one period's table)
    /// the stays are grouped into those stretches in the database, a few hundred rows instead of one per agency and day.
    /// The test is written <c>= TRUE</c> so SQLite uses the index: a bare boolean column is not a range.
    /// </summary>
    private async Task AddLateAsync(IReadOnlyList<Target> targets, DateTimeOffset now, bool provinceOnly, CancellationToken ct)
    {
        var fromDay = targets.Min(t => t.Period.FirstDay);
        var lateBefore = LateBefore(calendar, now, deadlineWorkingDays);
        var toDay = targets.Max(t => t.Period.EndDay);
        toDay = toDay < lateBefore ? toDay : lateBefore;
        // Stretch i runs from bounds[i] to bounds[i + 1]; every target's period is a run of whole stretches.
        var bounds = targets.SelectMany(t => new[] { t.Period.FirstDay, t.Period.EndDay }).Distinct().Order().ToList();
        await using var command = RawCommand.Create(db, provinceOnly ? ProvinceLate : AgencyLate(bounds), db.Database.CurrentTransaction)
            .With("@from", fromDay.DayNumber).With("@to", toDay.DayNumber);
        if (!provinceOnly)
        {
            for (var i = 1; i < bounds.Count - 1; i++)
                command.With($"@b{i}", bounds[i].DayNumber);
        }
        var late = new List<(string Agency, int Stretch, int Counted, int Count)>();
        await using (var reader = await command.ExecuteReaderAsync(ct))
        {
            while (await reader.ReadAsync(ct))
            {
                var stretch = provinceOnly ? StretchOf(bounds, DateOnly.FromDayNumber(reader.GetInt32(1))) : reader.GetInt32(1);
                late.Add((reader.GetString(0), stretch, reader.GetInt32(2), (int)reader.GetInt64(3)));
            }
        }
        foreach (var target in targets)
        {
            var bit = (int)target.Period.Kind * 2;
            var (first, end) = (bounds.IndexOf(target.Period.FirstDay), bounds.IndexOf(target.Period.EndDay));
            foreach (var (agency, _, counted, count) in late.Where(l => l.Stretch >= first && l.Stretch < end))
            {
                if (!provinceOnly && (counted & (1 << bit)) == 0)
                    target.Of(agency).AddCount(Figure.Late, count);
                if ((counted & (1 << (bit + 1))) == 0)
                    target.Total.AddCount(Figure.Late, count);
            }
        }
    }

    /// <summary>The province's late stays by start date and what is already counted (<see cref="AddLateAsync"/>).</summary>
    internal const string ProvinceLate = """
        SELECT '', "StartDay", "LateCounted", COUNT(*)
        FROM performance_open_stay
        WHERE "Unanswered" = TRUE AND "StartDay" >= @from AND "StartDay" < @to
        GROUP BY "StartDay", "LateCounted"
        """;

    /// <summary>Late stays by agency, by the stretch between <paramref name="bounds"/> (parameters <c>@b1</c>…) their start is in, and by what is already counted.</summary>
    private static string AgencyLate(List<DateOnly> bounds)
    {
        var stretches = string.Concat(Enumerable.Range(1, bounds.Count - 2).Reverse().Select(i => $"WHEN \"StartDay\" >= @b{i} THEN {i} "));
        return $"""
            SELECT "Agency", {(stretches.Length == 0 ? "0" : $"CASE {stretches}ELSE 0 END")} AS "Stretch", "LateCounted", COUNT(*)
            FROM performance_open_stay
            WHERE "Unanswered" = TRUE AND "StartDay" >= @from AND "StartDay" < @to
            GROUP BY 1, 2, 3
            """;
    }

    /// <summary>The stretch a start date is in: the last bound at or before it (every date read is within the bounds).</summary>
    private static int StretchOf(List<DateOnly> bounds, DateOnly day)
    {
        var at = bounds.BinarySearch(day);
        return at >= 0 ? at : ~at - 1;
    }
}
