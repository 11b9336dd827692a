using Lapor.Domain.Reports;
using Lapor.Host.Audit.Performance;
using Lapor.Host.Data;
using Lapor.Host.Tests.Support;
using Lapor.Workflows;
using Lapor.Workflows.Calendars;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.Host.Tests.Audit;

/// <summary>
/// The dashboard reads a period through its reporting table (decision 033) and must show exactly what reading every
/// report up to the period's end showed: compared on varied reports for every month, semester and year they touch, on
/// both providers; the marks are written in the transaction of the change they reflect; a database of the previous
/// release gets them at start-up.
/// </summary>
public sealed class PerformanceMarksTests
{
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Plain(TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"));
    private static readonly DateTimeOffset From = new(2026, 5, 20, 8, 0, 0, PerformanceScenario.Wita);
    private static readonly DateTimeOffset Now = new(2027, 8, 14, 10, 0, 0, PerformanceScenario.Wita);

    private static readonly Period[] Periods =
    [
        .. Enumerable.Range(0, 16).Select(i => Period.Month(2026 + (5 + i) / 12, (5 + i) % 12 + 1)),
        Period.Semester(2026, 1), Period.Semester(2026, 2), Period.Semester(2027, 1), Period.Semester(2027, 2),
        Period.WholeYear(2026), Period.WholeYear(2027),
    ];

    [Fact]
    public async Task OnSqlite_FiguresFromTheMarks_EqualFiguresFromEveryReport() =>
        await OnSqliteAsync(async open =>
        {
            await MigrateAsync(open);
            await StoreAsync(open, VariedReports.Make(700, seed: 33, From, Now).ToList());
            await AssertSameFiguresAsync(open);
        });

    [Fact]
    public async Task OnPostgres_FiguresFromTheMarks_EqualFiguresFromEveryReport() =>
        await OnPostgresAsync(async open =>
        {
            await MigrateAsync(open);
            await StoreAsync(open, VariedReports.Make(400, seed: 34, From, Now).ToList());
            await AssertSameFiguresAsync(open);
        });

    [Fact]
    public async Task OnSqlite_AChangeRolledBack_LeavesNoMark() => await OnSqliteAsync(RolledBackAsync);

    [Fact]
    public async Task OnPostgres_AChangeRolledBack_LeavesNoMark() => await OnPostgresAsync(RolledBackAsync);

    [Fact]
    public async Task OnSqlite_ReportsOfThePreviousRelease_AreMarkedAtStartUp() => await OnSqliteAsync(BackfillAsync);

    [Fact]
    public async Task OnPostgres_ReportsOfThePreviousRelease_AreMarkedAtStartUp() => await OnPostgresAsync(BackfillAsync);

    private static async Task RolledBackAsync(Func<bool, LaporDb> open)
    {
        await MigrateAsync(open);
        var report = VariedReports.Make(1, seed: 1, Now.AddDays(-3), Now.AddDays(-3)).Single();
        report.Dispose("dinkes", "koordinator", Now.AddDays(-2));
        await StoreAsync(open, [report]);
        var before = await MarksAsync(open, report.Id);

        await using (var db = open(true))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var tracked = await db.Reports.SingleAsync(r => r.Id == report.Id);
            Assert.Empty(tracked.AddPublicResponse("Sudah ditangani.", "dinkes.petugas", Now.AddDays(-1)));
            Assert.Empty(tracked.AwaitConfirmation(Now.AddDays(-1)));
            await db.SaveChangesAsync();
            // Written by that SaveChanges, inside the transaction …
            Assert.Contains(await db.Set<PerformanceMark>().Where(m => m.ReportId == report.Id).ToListAsync(), m => m.Kind == PerformanceMarkKind.Finish);
            await transaction.RollbackAsync();
        }
        // … and gone with it.
        Assert.Equal(before, await MarksAsync(open, report.Id));
        Assert.DoesNotContain(before, m => m.Kind == PerformanceMarkKind.Finish);
    }

    private static async Task BackfillAsync(Func<bool, LaporDb> open)
    {
        await using (var db = open(false))
        {
            var migrations = db.Database.GetMigrations().ToList();
            await db.Database.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_PerformanceMarks", StringComparison.Ordinal)) - 1]);
        }
        // Stored by the previous release: no reporting table, so no marks.
        await StoreAsync(() => open(false), VariedReports.Make(300, seed: 35, From, Now).ToList());
        await MigrateAsync(open);

        await using (var db = open(false))
        {
            Assert.Equal(300, await new PerformanceMarkBackfill(db, Calendar, NullLogger<PerformanceMarkBackfill>.Instance).RunAsync());
            Assert.Equal(0, await new PerformanceMarkBackfill(db, Calendar, NullLogger<PerformanceMarkBackfill>.Instance).RunAsync());
        }
        await AssertSameFiguresAsync(open);
    }

    private static async Task AssertSameFiguresAsync(Func<bool, LaporDb> open)
    {
        await using var db = open(true);
        var queries = new PerformanceQueries(db, Calendar, new FakeTimeProvider(Now));
        // The previous release's reading: every report, whatever the period.
        var every = (await db.Reports.AsNoTracking().ToListAsync())
            .Select(r => new ReportFacts(r.TrackingCode.ToString(), r.SubmittedAt, r.Timeline, r.Rating?.Stars, r.Rating?.RatedAt)).ToList();
        var counted = 0;
        foreach (var period in Periods)
        {
            var expected = queries.Calculator.Compute(every, period, Now);
            AssertSame(expected, await queries.ReportAsync(period));
            counted += expected.Total.Count(Figure.Received) + expected.Total.Count(Figure.Backlog11To20);
        }
        foreach (var year in new[] { Period.WholeYear(2026), Period.WholeYear(2027) })
        {
            var trend = await queries.TrendAsync(year);
            Assert.NotEmpty(trend);
            foreach (var month in trend)
                AssertSame(queries.Calculator.Compute(every, month.Period, Now), month);
        }
        Assert.True(counted > 0, "the data set should have figures to compare");
    }

    private static void AssertSame(PerformanceReport expected, PerformanceReport actual)
    {
        var period = expected.Period.Code;
        Assert.Equal(expected.AsOf, actual.AsOf);
        Assert.Equal(expected.Submitted.Order(), actual.Submitted.Order());
        Assert.Equal(expected.Agencies.Select(a => a.AgencyCode), actual.Agencies.Select(a => a.AgencyCode));
        foreach (var want in expected.Agencies.Append(expected.Total))
        {
            var got = actual.For(want.AgencyCode)!;
            Assert.True(want.Rank == got.Rank, $"{period} {want.AgencyCode}: rank {want.Rank} ≠ {got.Rank}");
            foreach (var figure in Enum.GetValues<Figure>())
                Assert.True(want.Cases(figure).SetEquals(got.Cases(figure)),
                    $"{period} {want.AgencyCode} {figure}: {want.Count(figure)} expected, {got.Count(figure)} read");
            Assert.Equal(want.ResponseDays.Order(), got.ResponseDays.Order());
            Assert.Equal(want.Stars.Order(), got.Stars.Order());
        }
    }

    private static async Task StoreAsync(Func<bool, LaporDb> open, IReadOnlyList<Report> reports) =>
        await StoreAsync(() => open(true), reports);

    private static async Task StoreAsync(Func<LaporDb> open, IReadOnlyList<Report> reports)
    {
        await using var db = open();
        db.Reports.AddRange(reports);
        await db.SaveChangesAsync();
    }

    private static async Task<List<PerformanceMark>> MarksAsync(Func<bool, LaporDb> open, Guid reportId)
    {
        await using var db = open(true);
        return (await db.Set<PerformanceMark>().AsNoTracking().Where(m => m.ReportId == reportId).ToListAsync())
            .OrderBy(m => m.Kind).ThenBy(m => m.At).ToList();
    }

    private static async Task MigrateAsync(Func<bool, LaporDb> open)
    {
        await using var db = open(false);
        await db.Database.MigrateAsync();
    }

    /// <summary>Runs <paramref name="test"/> with a way to open the database, with or without the marker (the previous release had none).</summary>
    private static async Task OnSqliteAsync(Func<Func<bool, LaporDb>, Task> test)
    {
        var folder = LaporHostFactory.NewDataDirectory();
        try
        {
            var file = Path.Combine(folder, "lapor.db");
            await test(marked =>
            {
                var options = new DbContextOptionsBuilder<LaporSqliteDb>().UseWorkflowSqlite($"Data Source={file}");
                return new LaporSqliteDb((marked ? options.AddInterceptors(new PerformanceMarker(Calendar)) : options).Options);
            });
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            LaporHostFactory.DeleteDirectory(folder);
        }
    }

    private static async Task OnPostgresAsync(Func<Func<bool, LaporDb>, Task> test)
    {
        await using var server = new PostgresServer();
        await server.StartAsync();
        var connection = await server.NewDatabaseAsync();
        await test(marked =>
        {
            var options = new DbContextOptionsBuilder<LaporPostgresDb>().UseNpgsql(connection);
            return new LaporPostgresDb((marked ? options.AddInterceptors(new PerformanceMarker(Calendar)) : options).Options);
        });
    }
}
