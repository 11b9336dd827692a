using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Gives the reports stored before the reporting table existed their marks, at start-up after the migrations and
/// before the site answers (decision 033). Done in code rather than in the migration's SQL because the marks are the
/// same rules the writer uses (<see cref="PerformanceMarks"/>: stays read as the figures read them, month starts in
/// the configured zone), which SQL would have to repeat twice, once per provider. Idempotent: a report that has its
/// <see cref="PerformanceMarkKind.Submitted"/> mark is done, so a stopped run goes on where it stopped, and a database
/// that is up to date costs one query. Hosts sharing a PostgreSQL database take turns (an advisory lock). A report it
/// marks is counted into the tallies and open stays in the same transaction (decision 035), so a bulk-loaded database
/// gets its dashboard at the first start too.
/// </summary>
public sealed class PerformanceMarkBackfill(LaporDb db, BusinessCalendar calendar, ILogger<PerformanceMarkBackfill> log)
{
    private readonly PerformanceCalculator _calculator = new(calendar);
    private const long LockKey = 0x4C61706F72_0033;
    private const int Batch = 500;

    /// <summary>Marks every report that has none; returns how many it marked.</summary>
    public Task<int> RunAsync(CancellationToken ct = default) => StartUpTurn.RunAsync(db, LockKey, () => MarkMissingAsync(ct), ct);

    private async Task<int> MarkMissingAsync(CancellationToken ct)
    {
        var marks = db.Set<PerformanceMark>();
        var missing = await db.Reports.AsNoTracking()
            .Where(r => !marks.Any(m => m.ReportId == r.Id && m.Kind == PerformanceMarkKind.Submitted))
            .Select(r => r.Id).ToListAsync(ct);
        if (missing.Count == 0)
            return 0;
        log.LogInformation("Performance dashboard: marking {Count} reports stored before its reporting table", missing.Count);
        var done = 0;
        foreach (var chunk in missing.Chunk(Batch))
        {
            // Asked again per chunk: a host already running the new release marks the reports it changes itself.
            var reports = await db.Reports.AsNoTracking()
                .Where(r => chunk.Contains(r.Id) && !marks.Any(m => m.ReportId == r.Id && m.Kind == PerformanceMarkKind.Submitted))
                .ToListAsync(ct);
            // Counted into the tallies in the same transaction as the marks: a report is counted exactly when it is marked.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var tallies = new Dictionary<TallyKey, int>();
            foreach (var report in reports)
            {
                var facts = new ReportFacts(report.TrackingCode.ToString(), report.SubmittedAt, report.Timeline, report.Rating?.Stars, report.Rating?.RatedAt);
                var reportMarks = PerformanceMarks.Of(report.Id, facts, calendar.Zone);
                var counts = PerformanceTallies.Of(facts, reportMarks, _calculator, calendar.Zone);
                foreach (var (key, count) in counts)
                    tallies[key] = tallies.GetValueOrDefault(key) + count;
                marks.AddRange(reportMarks);
                db.AddRange(PerformanceTallies.OpenStays(report.Id, facts, counts, calendar.Zone));
            }
            await db.SaveChangesAsync(ct);
            foreach (var rows in tallies.Where(t => t.Value != 0).Chunk(PerformanceTallyFolder.RowsPerStatement))
                await PerformanceTallyFolder.UpsertAsync(db, transaction, rows, ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            done += reports.Count;
            log.LogInformation("Performance dashboard: {Done} of {Count} reports marked", done, missing.Count);
        }
        return done;
    }
}
