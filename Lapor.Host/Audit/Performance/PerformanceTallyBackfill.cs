using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Builds the dashboard's tallies and open stays for a database of the release before them, whose reports all have
/// their marks, at start-up after the marks and before the site answers (decision 035), with the same rules the writer
/// uses. It runs when the three tables are empty and there are reports, and builds them in one transaction: a stopped
/// run leaves nothing behind and starts again. (Reports without marks, from older releases or a bulk load, are counted
/// by <see cref="PerformanceMarkBackfill"/> as it marks them.) Deleting the tables' rows (after changing <c>Lapor:TimeZone</c> or the holidays) makes it rebuild them.
/// </summary>
public sealed class PerformanceTallyBackfill(LaporDb db, BusinessCalendar calendar, ILogger<PerformanceTallyBackfill> log)
{
    private const long LockKey = 0x4C61706F72_0035;
    private const int Batch = 500;

    /// <summary>Returns how many reports it counted (0 when the tallies were there already).</summary>
    public Task<int> RunAsync(CancellationToken ct = default) => StartUpTurn.RunAsync(db, LockKey, () => BuildAsync(ct), ct);

    private async Task<int> BuildAsync(CancellationToken ct)
    {
        if (await db.Set<PerformanceTally>().AnyAsync(ct) || await db.Set<PerformanceTallyChange>().AnyAsync(ct)
            || await db.Set<PerformanceOpenStay>().AnyAsync(ct))
            return 0;
        var ids = await db.Reports.AsNoTracking().Select(r => r.Id).ToListAsync(ct);
        if (ids.Count == 0)
            return 0;
        log.LogInformation("Performance dashboard: counting {Count} reports into its tallies", ids.Count);
        var calculator = new PerformanceCalculator(calendar);
        var tallies = new Dictionary<TallyKey, int>();
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        var done = 0;
        foreach (var chunk in ids.Chunk(Batch))
        {
            var reports = await db.Reports.AsNoTracking().Where(r => chunk.Contains(r.Id)).ToListAsync(ct);
            foreach (var report in reports)
            {
                var facts = new ReportFacts(report.TrackingCode.ToString(), report.SubmittedAt, report.Timeline, report.Rating?.Stars, report.Rating?.RatedAt);
                var counts = PerformanceTallies.Of(facts, PerformanceMarks.Of(report.Id, facts, calendar.Zone), calculator, calendar.Zone);
                foreach (var (key, count) in counts)
                    tallies[key] = tallies.GetValueOrDefault(key) + count;
                db.AddRange(PerformanceTallies.OpenStays(report.Id, facts, counts, calendar.Zone));
            }
            await db.SaveChangesAsync(ct);
            db.ChangeTracker.Clear();
            done += reports.Count;
            if (done % 20_000 < Batch || done == ids.Count)
                log.LogInformation("Performance dashboard: {Done} of {Count} reports counted", done, ids.Count);
        }
        foreach (var rows in tallies.Where(t => t.Value != 0).Chunk(PerformanceTallyFolder.RowsPerStatement))
            await PerformanceTallyFolder.UpsertAsync(db, transaction, rows, ct);
        await transaction.CommitAsync(ct);
        return done;
    }
}
