using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Counts the reports stored before the dashboard's tallies existed (or loaded in bulk) into its months, tallies and
/// open stays, at start-up after the migrations and before the site answers (decisions 033 and 035). Done in code rather
/// than in the migration's SQL because these are the same rules the writer uses (<see cref="PerformanceMarks"/>,
/// <see cref="PerformanceTallies"/>: stays read as the figures read them, months in the configured zone), which SQL
/// would have to repeat twice, once per provider. Idempotent: a report with a month row is done, and its rows are
/// written in one transaction with its tallies, so a stopped run goes on where it stopped, and a database that is up to
/// date costs one query. Hosts sharing a PostgreSQL database take turns (an advisory lock).
/// </summary>
public sealed class PerformanceMarkBackfill(LaporDb db, BusinessCalendar calendar, ILogger<PerformanceMarkBackfill> log)
{
    private readonly PerformanceCalculator _calculator = new(calendar);
    private const long LockKey = 0x4C61706F72_0033;
    private const int Batch = 500;

    /// <summary>Counts every report that has no month row; returns how many it counted.</summary>
    public async Task<int> RunAsync(CancellationToken ct = default)
    {
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (postgres)
                await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_lock({LockKey})", ct);
            try
            {
                var counted = await MarkMissingAsync(ct);
                if (postgres && counted > 0)
                    await AnalyzeAsync(ct);
                return counted;
            }
            finally
            {
                if (postgres)
                    await db.Database.ExecuteSqlRawAsync($"SELECT pg_advisory_unlock({LockKey})", ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The tables just filled get fresh planner statistics. Last analyzed when they were empty (or smaller), PostgreSQL
    /// would go on planning the dashboard's reads as if they still were until autovacuum's next look; at a million
    /// reports the month's page ran 1.5–1.8× slower in the one benchmark run that met them so (docs/benchmarks.md).
    /// </summary>
    private async Task AnalyzeAsync(CancellationToken ct)
    {
        await db.Database.ExecuteSqlRawAsync(
            "ANALYZE performance_month, performance_tally, performance_tally_change, performance_open_stay, performance_frozen", ct);
        log.LogInformation("Performance dashboard: its tables analyzed after counting");
    }

    private async Task<int> MarkMissingAsync(CancellationToken ct)
    {
        var months = db.Set<PerformanceMonth>();
        // Every report counts in the month it came in, so a report without a month row has not been counted.
        var missing = await db.Reports.AsNoTracking().Where(r => !months.Any(m => m.ReportId == r.Id)).Select(r => r.Id).ToListAsync(ct);
        if (missing.Count == 0)
            return 0;
        log.LogInformation("Performance dashboard: counting {Count} reports stored before its tallies", missing.Count);
        // Reports counted from their whole history can change a settled period's late count and backlog: the kept ones
        // go, before (no read keeps a half-counted period's as final) and after (nor one kept while this ran).
        await FrozenFigures.ForgetAllAsync(db, ct);
        var done = 0;
        foreach (var chunk in missing.Chunk(Batch))
        {
            // Asked again per chunk: a host already running this release counts the reports it changes itself.
            var reports = await db.Reports.AsNoTracking().Where(r => chunk.Contains(r.Id) && !months.Any(m => m.ReportId == r.Id)).ToListAsync(ct);
            // Months, tallies and open stays in one transaction: a report is counted exactly when it gets its months.
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var tallies = new Dictionary<TallyKey, int>();
            foreach (var report in reports)
            {
                var facts = ReportFacts.Of(report);
                var marks = PerformanceMarks.Of(report.Id, facts, calendar.Zone);
                var counts = PerformanceTallies.Of(facts, marks, _calculator, calendar.Zone);
                foreach (var (key, count) in counts)
                    tallies[key] = tallies.GetValueOrDefault(key) + count;
                months.AddRange(PerformanceMarks.Months(marks, calendar.Zone).Select(m => new PerformanceMonth(report.Id, m)));
                db.AddRange(PerformanceTallies.OpenStays(report.Id, facts, counts, calendar.Zone));
            }
            await db.SaveChangesAsync(ct);
            foreach (var rows in tallies.Where(t => t.Value != 0).Chunk(PerformanceTallyFolder.RowsPerStatement))
                await PerformanceTallyFolder.UpsertAsync(db, transaction, rows, ct);
            await transaction.CommitAsync(ct);
            db.ChangeTracker.Clear();
            done += reports.Count;
            if (done % 20_000 < Batch || done == missing.Count)
                log.LogInformation("Performance dashboard: {Done} of {Count} reports counted", done, missing.Count);
        }
        await FrozenFigures.ForgetAllAsync(db, ct);
        return done;
    }
}
