using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// The dashboard's figures from the tallies and the open stays (decision 035): a period costs a read of its tallies
/// and of the reports held open now, whatever the years of data. The drill-down, which lists the cases behind one
/// number, computes the period from the reports its months and the open stays name with the pure
/// <see cref="PerformanceCalculator"/>, the same rules the tallies were counted with.
/// </summary>
public sealed class PerformanceQueries(LaporDb db, BusinessCalendar calendar, TimeProvider clock)
{
    public PerformanceCalculator Calculator { get; } = new(calendar);

    public async Task<PerformanceReport> ReportAsync(Period period, CancellationToken ct = default) =>
        (await FromTalliesAsync([period], backlog: true, provinceOnly: false, ct))[0];

    /// <summary>One report per month of <paramref name="period"/> up to now, every figure included.</summary>
    public async Task<IReadOnlyList<PerformanceReport>> TrendAsync(Period period, CancellationToken ct = default) =>
        await FromTalliesAsync(TrendMonths(period), backlog: true, provinceOnly: false, ct);

    /// <summary>
    /// The trend chart's lines, one point per month of <paramref name="period"/> up to now: the same figures as
    /// <see cref="TrendAsync"/>, without the month-end backlogs the chart does not draw (judging those is most of a
    /// year's cost at a million reports).
    /// </summary>
    public async Task<IReadOnlyList<TrendPoint>> TrendLinesAsync(Period period, CancellationToken ct = default) =>
        (await FromTalliesAsync(TrendMonths(period), backlog: false, provinceOnly: true, ct))
        .Select(r => new TrendPoint(r.Period, r.Total.Count(Figure.Received), r.Total.Count(Figure.Completed), r.Total.OnTimeShare)).ToList();

    private List<Period> TrendMonths(Period period)
    {
        var now = clock.GetUtcNow();
        var (start, _) = period.Bounds(calendar.Zone);
        return period.Months().Where(m => m.Bounds(calendar.Zone).Start <= now || m.Bounds(calendar.Zone).Start == start).ToList();
    }

    /// <summary>The period computed from its reports, with the cases behind every figure (the drill-down).</summary>
    public async Task<PerformanceReport> WithCasesAsync(Period period, CancellationToken ct = default) =>
        Calculator.Compute((await FactsAsync(period, ct)).Values, period, clock.GetUtcNow());

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
    /// The periods' reports from their tallies, the unfolded changes and the open stays; without the month-end backlogs
    /// when <paramref name="backlog"/> is false, and with the province's row only when <paramref name="provinceOnly"/>.
    /// </summary>
    private async Task<List<PerformanceReport>> FromTalliesAsync(IReadOnlyList<Period> periods, bool backlog, bool provinceOnly, CancellationToken ct)
    {
        var now = clock.GetUtcNow();
        // A settled period's backlog is read as kept (decision 037); kept the first time it is read.
        var frozen = new FrozenFigures(db, calendar, Calculator.DeadlineWorkingDays);
        var settled = periods.Where(p => frozen.IsSettled(p, now)).ToList();
        var kept = await frozen.ReadAsync(settled, provinceOnly, ct);
        if (settled.Where(p => !kept.Contains(p.Code)).ToList() is { Count: > 0 } unkept)
        {
            await KeepAsync(frozen, unkept, now, ct);
            kept = await frozen.ReadAsync(settled, provinceOnly, ct);
        }
        var read = await FiguresAsync(periods, backlog, provinceOnly, kept, now, ct);
        return read.Select(r => PerformanceCalculator.Ranked(r.Target.Period, r.Target.AsOf, r.Agencies.Values.Where(a => a.HasAny), r.Target.Total, r.Submitted))
            .ToList();
    }

    /// <summary>
    /// Computes the settled <paramref name="periods"/> whole (every agency, with their backlogs) and keeps their
    /// backlogs, in one transaction: the tallies, the changes not yet folded and the open stays as of one
    /// moment, or a run closing between two of the reads would be counted twice or not at all, and kept so.
    /// </summary>
    /// <remarks>
    /// On PostgreSQL two hosts may keep the same period at once; the one whose snapshot cannot see the other's rows gets a
    /// serialization failure on its insert (repeatable read), and leaves the keeping to the other: the caller reads the
    /// kept rows next, and both would have kept the same numbers.
    /// </remarks>
    private async Task KeepAsync(FrozenFigures frozen, IReadOnlyList<Period> periods, DateTimeOffset now, CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var transaction = db.Database.IsNpgsql()
                ? await db.Database.BeginTransactionAsync(System.Data.IsolationLevel.RepeatableRead, ct)
                : await db.Database.BeginTransactionAsync(ct);
            var read = await FiguresAsync(periods, backlog: true, provinceOnly: false, Array.Empty<PerformanceFrozen>().ToLookup(f => f.Period), now, ct);
            await frozen.KeepAsync(read.Select(r => (r.Target.Period, (IEnumerable<AgencyFigures>)r.Agencies.Values, r.Target.Total)), ct);
            await transaction.CommitAsync(ct);
        }
        catch (System.Data.Common.DbException e) when (e.SqlState == SerializationFailure)
        {
            // Another host kept these periods meanwhile (see remarks); the transaction rolls back as it is disposed.
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>PostgreSQL's SQLSTATE for a transaction that cannot be serialized with a concurrent one.</summary>
    private const string SerializationFailure = "40001";

    private sealed record PeriodFigures(OpenFigures.Target Target, Dictionary<string, AgencyFigures> Agencies, int Submitted);

    /// <summary>
    /// The periods' figures before ranking: tallies and unfolded changes, the open stays' late count, and for each period
    /// either its kept backlog or, when it has none, the open stays' part of it.
    /// </summary>
    private async Task<List<PeriodFigures>> FiguresAsync(IReadOnlyList<Period> periods, bool backlog, bool provinceOnly,
        ILookup<string, PerformanceFrozen> kept, DateTimeOffset now, CancellationToken ct)
    {
        var codes = periods.Select(p => p.Code).ToList();
        var tallies = db.Set<PerformanceTally>().AsNoTracking().Where(t => codes.Contains(t.Period) && t.Count != 0);
        var changes = db.Set<PerformanceTallyChange>().AsNoTracking().Where(t => codes.Contains(t.Period));
        if (provinceOnly)
        {
            tallies = tallies.Where(t => t.Agency == AgencyFigures.AllAgencies);
            changes = changes.Where(t => t.Agency == AgencyFigures.AllAgencies);
        }
        var counts = await tallies.Select(t => new { t.Period, t.Agency, t.Figure, t.Value, t.Count }).ToListAsync(ct);
        var pending = await changes.Select(t => new { t.Period, t.Agency, t.Figure, t.Value, Count = t.Delta }).ToListAsync(ct);
        var byPeriod = counts.Concat(pending).ToLookup(t => t.Period);
        var read = periods.Select(period =>
        {
            var (_, end) = period.Bounds(calendar.Zone);
            var agencies = new Dictionary<string, AgencyFigures>(StringComparer.Ordinal);
            var total = new AgencyFigures(AgencyFigures.AllAgencies);
            AgencyFigures Of(string code) => code == AgencyFigures.AllAgencies ? total
                : agencies.TryGetValue(code, out var f) ? f : agencies[code] = new AgencyFigures(code);
            var submitted = 0;
            var isKept = kept.Contains(period.Code);
            foreach (var f in kept[period.Code])
                Of(f.Agency).AddCount((Figure)f.Figure, f.Count);
            foreach (var t in byPeriod[period.Code])
            {
                // The kept sums already hold the tallies' part of these.
                if (isKept && FrozenFigures.IsKept(t.Figure))
                    continue;
                switch (t.Figure)
                {
                    case TallyKey.Submitted: submitted += t.Count; break;
                    case TallyKey.ResponseDays: Of(t.Agency).AddResponseDays(t.Value, t.Count); break;
                    case TallyKey.Stars: Of(t.Agency).AddStars(t.Value, t.Count); break;
                    default: Of(t.Agency).AddCount((Figure)t.Figure, t.Count); break;
                }
            }
            return new PeriodFigures(new OpenFigures.Target(period, now < end ? now : end, Of, total), agencies, submitted);
        }).ToList();
        var targets = read.Select(r => r.Target).ToList();
        await new OpenFigures(db, calendar, Calculator.DeadlineWorkingDays)
            .AddToAsync(targets, backlog ? targets.Where(t => !kept.Contains(t.Period.Code)).ToList() : [], now, provinceOnly, ct);
        return read;
    }

    /// <summary>
    /// The reports that can have a figure in the period or one of its months: those listed under its months, and those
    /// held open now whose run or a stay of it had begun by its end (its backlog, or a stay in it gone late). Their
    /// steps are read without the texts, which no figure uses.
    /// </summary>
    private async Task<Dictionary<Guid, ReportFacts>> FactsAsync(Period period, CancellationToken ct)
    {
        var months = period.Months().Select(PerformanceMonth.KeyOf).ToList();
        var (_, end) = period.Bounds(calendar.Zone);
        // A run's first stay started by the run's start, so "a stay begun by the end" covers "the run begun by the end".
        var ids = db.Set<PerformanceMonth>().Where(m => months.Contains(m.Month)).Select(m => m.ReportId)
            .Union(db.Set<PerformanceOpenStay>().Where(s => s.Start <= end).Select(s => s.ReportId));
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
