using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// A period's backlog at its end, kept once the period is settled (decision 037). The backlog is one of the two figures
/// the open stays add when asked (decision 035), and at a million reports its statement is most of a past month's cost
/// (12 ms of a 24 ms page): every stay current at the period's end. Once the period has ended it is fixed, since a
/// report held at that moment was held then whatever happens next. Its part moves from the open stays into the tallies
/// as runs close, in the same transaction, but the sum does not change. So the sum is computed once, in one transaction
/// (the tallies and the open stays as of one moment), and kept; later reads of the period read it instead of the open
/// stays. The other figure, the stays gone late, is not kept: a stay unanswered past the deadline counts late only
/// until it is handed on without an answer, so it can still fall (the step-by-step tally test caught it).
/// </summary>
/// <remarks>
/// What can still change them is a report counted from its whole history afterwards: the start-up backfill of reports
/// stored by bulk or by an earlier release (<see cref="PerformanceMarkBackfill"/>), or a rebuild after the time zone or
/// the holidays changed. Both begin and end by dropping every kept figure.
/// </remarks>
internal sealed class FrozenFigures(LaporDb db, BusinessCalendar calendar, int deadlineWorkingDays)
{
    /// <summary>The figures kept: the backlog's age buckets.</summary>
    public static readonly Figure[] Kept = [.. PerformanceCalculator.BacklogBuckets.Select(b => b.Figure)];

    public static bool IsKept(int figure) => Kept.Contains((Figure)figure);

    /// <summary>
    /// Whether <paramref name="period"/> is settled at <paramref name="now"/>: it ended on or before the first day whose
    /// stays are not yet late, which is some working days back, well past any clock difference between hosts.
    /// </summary>
    public bool IsSettled(Period period, DateTimeOffset now) => period.EndDay <= OpenFigures.LateBefore(calendar, now, deadlineWorkingDays);

    /// <summary>The kept figures of those <paramref name="periods"/> that have them, by period code.</summary>
    public async Task<ILookup<string, PerformanceFrozen>> ReadAsync(IReadOnlyList<Period> periods, bool provinceOnly, CancellationToken ct)
    {
        if (periods.Count == 0)
            return Array.Empty<PerformanceFrozen>().ToLookup(f => f.Period);
        var codes = periods.Select(p => p.Code).ToList();
        var rows = db.Set<PerformanceFrozen>().AsNoTracking().Where(f => codes.Contains(f.Period));
        if (provinceOnly)
            rows = rows.Where(f => f.Agency == AgencyFigures.AllAgencies);
        return (await rows.ToListAsync(ct)).ToLookup(f => f.Period);
    }

    /// <summary>
    /// Keeps the figures of <paramref name="periods"/> as <paramref name="figures"/> give them (every agency and the
    /// province, computed in the caller's transaction). The province's buckets are written even when they are 0, so a
    /// kept period always has rows. Two hosts keeping the same period at once write the same numbers; the second's rows
    /// are skipped.
    /// </summary>
    public async Task KeepAsync(IEnumerable<(Period Period, IEnumerable<AgencyFigures> Agencies, AgencyFigures Total)> figures, CancellationToken ct)
    {
        var rows = new List<PerformanceFrozen>();
        foreach (var (period, agencies, total) in figures)
        {
            foreach (var agency in agencies.Append(total))
                foreach (var figure in Kept)
                    if (agency == total || agency.Count(figure) != 0)
                        rows.Add(new PerformanceFrozen { Period = period.Code, Agency = agency.AgencyCode, Figure = (int)figure, Count = agency.Count(figure) });
        }
        foreach (var chunk in rows.Chunk(100))
        {
            var values = string.Join(", ", chunk.Select((_, i) => $"(@p{i}, @a{i}, @f{i}, @c{i})"));
            await using var command = RawCommand.Create(db,
                $"""INSERT INTO performance_frozen ("Period", "Agency", "Figure", "Count") VALUES {values} ON CONFLICT DO NOTHING""",
                db.Database.CurrentTransaction);
            for (var i = 0; i < chunk.Length; i++)
                command.With($"@p{i}", chunk[i].Period).With($"@a{i}", chunk[i].Agency).With($"@f{i}", chunk[i].Figure).With($"@c{i}", chunk[i].Count);
            await command.ExecuteNonQueryAsync(ct);
        }
    }

    /// <summary>Forgets every kept figure: the tallies are being recounted from whole histories.</summary>
    public static Task<int> ForgetAllAsync(LaporDb db, CancellationToken ct) => db.Set<PerformanceFrozen>().ExecuteDeleteAsync(ct);
}
