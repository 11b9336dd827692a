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
/// The dashboard reads a period from its tallies and open stays (decision 035), and its drill-down through the marks
/// (decision 033); both must show exactly what reading every report up to the period's end showed: compared on varied
/// reports for every month, semester and year they touch, at several moments, on both providers, with the reports
/// stored whole or step by step in later saves as the product does; the rows are written in the transaction of the
/// change they reflect; a database of a previous release gets them at start-up.
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
    public async Task OnSqlite_FiguresFromTheTallies_EqualFiguresFromEveryReport() =>
        await OnSqliteAsync(async open =>
        {
            await MigrateAsync(open);
            await StoreAsync(open, VariedReports.Make(700, seed: 33, From, Now).ToList());
            await AssertSameFiguresAsync(open);
        });

    [Fact]
    public async Task OnPostgres_FiguresFromTheTallies_EqualFiguresFromEveryReport() =>
        await OnPostgresAsync(async open =>
        {
            await MigrateAsync(open);
            await StoreAsync(open, VariedReports.Make(400, seed: 34, From, Now).ToList());
            await AssertSameFiguresAsync(open);
        });

    [Fact]
    public async Task OnSqlite_ReportsChangedStepByStep_KeepTheTalliesRight() => await OnSqliteAsync(o => StepByStepAsync(o, 500, seed: 36));

    [Fact]
    public async Task OnPostgres_ReportsChangedStepByStep_KeepTheTalliesRight() => await OnPostgresAsync(o => StepByStepAsync(o, 300, seed: 37));

    [Fact]
    public async Task OnSqlite_ASettledPeriod_IsReadFromItsKeptFigures_NotTheOpenStays() => await OnSqliteAsync(KeptFiguresAsync);

    [Fact]
    public async Task OnPostgres_ASettledPeriod_IsReadFromItsKeptFigures_NotTheOpenStays() => await OnPostgresAsync(KeptFiguresAsync);

    /// <summary>
    /// Decision 037: once a period is settled its backlog is kept, so with the open stays gone its backlog reads the
    /// same; forgetting the kept figures then shows the open stays had a part in it.
    /// </summary>
    private static async Task KeptFiguresAsync(Func<bool, LaporDb> open)
    {
        await MigrateAsync(open);
        await StoreAsync(open, VariedReports.Make(400, seed: 38, From, Now).ToList());
        await using var db = open(true);
        var queries = new PerformanceQueries(db, Calendar, new FakeTimeProvider(Now));
        var settled = Periods.Where(p => p.Bounds(Calendar.Zone).End < Now.AddDays(-14)).ToList();
        Assert.True(settled.Count >= 10);
        var first = new List<PerformanceReport>();
        foreach (var period in settled)
            first.Add(await queries.ReportAsync(period));
        Assert.Equal(settled.Select(p => p.Code).Order(), (await db.Set<PerformanceFrozen>().Select(f => f.Period).Distinct().ToListAsync()).Order());

        Assert.True(await db.Set<PerformanceOpenStay>().ExecuteDeleteAsync() > 0, "the data set should hold reports still open");
        for (var i = 0; i < settled.Count; i++)
        {
            var again = await queries.ReportAsync(settled[i]);
            foreach (var agency in first[i].Agencies.Append(first[i].Total))
                foreach (var figure in FrozenFigures.Kept)
                    Assert.Equal(agency.Count(figure), again.For(agency.AgencyCode)?.Count(figure) ?? 0);
        }

        await FrozenFigures.ForgetAllAsync(db, default);
        var differ = 0;
        for (var i = 0; i < settled.Count; i++)
        {
            var recounted = await queries.ReportAsync(settled[i]);
            differ += FrozenFigures.Kept.Count(f => recounted.Total.Count(f) != first[i].Total.Count(f));
        }
        Assert.True(differ > 0, "without the open stays, some settled period's backlog should have changed");
    }

    /// <summary>
    /// The chart's late count reads a year of unanswered stays (15,000 at a million reports): grouped in the index's own
    /// order it is streamed; grouped any other way SQLite sorts them first (2.5 against 0.7 ms there).
    /// </summary>
    [Fact]
    public async Task OnSqlite_TheProvincesLateCount_IsGroupedInTheIndexsOrder_WithoutASort() => await OnSqliteAsync(async open =>
    {
        await MigrateAsync(open);
        await using var db = open(false);
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "EXPLAIN QUERY PLAN " + OpenFigures.ProvinceLate;
        foreach (var name in new[] { "@from", "@to" })
        {
            var parameter = command.CreateParameter();
            (parameter.ParameterName, parameter.Value) = (name, 739_000);
            command.Parameters.Add(parameter);
        }
        var steps = new List<string>();
        await using (var reader = await command.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
                steps.Add(reader.GetString(3));
        }
        var plan = string.Join(" | ", steps);
        Assert.Contains("COVERING INDEX IX_performance_open_stay_Unanswered_StartDay_LateCounted_Agency (Unanswered=? AND StartDay>? AND StartDay<?)", plan);
        Assert.DoesNotContain("TEMP B-TREE", plan);
    });

    [Fact]
    public async Task OnSqlite_TheDrillDown_ListsTheCasesEveryReportGives() =>
        await OnSqliteAsync(async open =>
        {
            await MigrateAsync(open);
            await StoreAsync(open, VariedReports.Make(300, seed: 38, From, Now).ToList());
            await using var db = open(true);
            var queries = new PerformanceQueries(db, Calendar, new FakeTimeProvider(Now));
            var every = await EveryAsync(db);
            var listed = 0;
            foreach (var period in Periods)
            {
                var expected = queries.Calculator.Compute(every, period, Now);
                var actual = await queries.WithCasesAsync(period);
                foreach (var want in expected.Agencies.Append(expected.Total))
                    foreach (var figure in Enum.GetValues<Figure>())
                    {
                        Assert.True(want.Cases(figure).SetEquals(actual.For(want.AgencyCode)!.Cases(figure)), $"{period.Code} {want.AgencyCode} {figure}");
                        listed += want.Cases(figure).Count;
                    }
            }
            Assert.True(listed > 0, "the data set should have cases to list");
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
        // Submitted and disposed in July, finished in August.
        var report = VariedReports.Make(1, seed: 1, Now.AddDays(-20), Now.AddDays(-20)).Single();
        report.Dispose("dinkes", "koordinator", Now.AddDays(-19));
        await StoreAsync(open, [report]);
        var before = await MonthsAsync(open, report.Id);
        int changesBefore;
        await using (var db = open(true))
            changesBefore = await db.Set<PerformanceTallyChange>().CountAsync();

        await using (var db = open(true))
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var tracked = await db.Reports.SingleAsync(r => r.Id == report.Id);
            Assert.Empty(tracked.AddPublicResponse("Sudah ditangani.", "dinkes.petugas", Now.AddDays(-1)));
            Assert.Empty(tracked.AwaitConfirmation(Now.AddDays(-1)));
            await db.SaveChangesAsync();
            // Written by that SaveChanges, inside the transaction …
            Assert.True(await db.Set<PerformanceMonth>().CountAsync(m => m.ReportId == report.Id) > before.Count, "the finish a month later should list the report under that month");
            Assert.True(await db.Set<PerformanceTallyChange>().CountAsync() > changesBefore, "the finish should change the tallies");
            Assert.False(await db.Set<PerformanceOpenStay>().AnyAsync(s => s.ReportId == report.Id), "a finished report is not open");
            await transaction.RollbackAsync();
        }
        // … and gone with it, with the tally changes and open stays of the same save.
        Assert.Equal(before, await MonthsAsync(open, report.Id));
        await using (var db = open(true))
        {
            Assert.Equal(changesBefore, await db.Set<PerformanceTallyChange>().CountAsync());
            Assert.True(await db.Set<PerformanceOpenStay>().AnyAsync(s => s.ReportId == report.Id), "the report is still open after the rollback");
        }
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
            // On PostgreSQL the filled tables are analyzed at once, not left with the statistics of their empty days.
            if (db.Database.IsNpgsql())
                Assert.Equal(0, await db.Database.SqlQueryRaw<int>(
                    "SELECT count(*)::int AS \"Value\" FROM pg_stat_user_tables WHERE relname IN ('performance_month', 'performance_tally', 'performance_open_stay') AND last_analyze IS NULL")
                    .SingleAsync());
        }
        await AssertSameFiguresAsync(open);
    }

    /// <summary>
    /// Stores the reports as submitted, tells the rest of their stories in three later rounds (each report loaded,
    /// changed and saved as a page or a process command would), folds the changes once midway, and compares.
    /// </summary>
    private static async Task StepByStepAsync(Func<bool, LaporDb> open, int count, int seed)
    {
        await MigrateAsync(open);
        var stories = VariedReports.Stories(count, seed, From, Now).ToList();
        await StoreAsync(open, stories.Select(s => s.Report).ToList());
        var span = Now - From;
        DateTimeOffset told = DateTimeOffset.MinValue;
        foreach (var until in new[] { From + span / 3, From + span * 2 / 3, Now })
        {
            foreach (var batch in stories.Where(s => s.Steps.Any(x => x.At > told && x.At <= until)).Chunk(50))
            {
                await using var db = open(true);
                var ids = batch.Select(s => s.Report.Id).ToList();
                var tracked = await db.Reports.Where(r => ids.Contains(r.Id)).ToDictionaryAsync(r => r.Id);
                foreach (var story in batch)
                    foreach (var (at, act) in story.Steps.Where(x => x.At > told && x.At <= until))
                    {
                        act(tracked[story.Report.Id]);
                        // A few steps are saved one at a time, as a page saves one action.
                        if (at.Minute % 3 == 0)
                            await db.SaveChangesAsync();
                    }
                await db.SaveChangesAsync();
            }
            told = until;
            // Read every period as of this round, as a visitor would then: the settled ones are kept now and must still
            // be right after the later rounds' steps (compared at the end).
            await using (var db = open(true))
            {
                var queries = new PerformanceQueries(db, Calendar, new FakeTimeProvider(until));
                foreach (var period in Periods.Where(p => p.Bounds(Calendar.Zone).Start < until))
                    await queries.ReportAsync(period);
            }
            if (until < Now)
            {
                await using var db = open(true);
                Assert.True(await new PerformanceTallyFolder(db).FoldAsync() > 0, "the round should have changed tallies");
                Assert.Equal(0, await db.Set<PerformanceTallyChange>().CountAsync());
            }
        }
        await using (var db = open(true))
            Assert.True(await db.Set<PerformanceFrozen>().CountAsync() > 0, "some periods should have been kept in the rounds");
        await AssertSameFiguresAsync(open);
    }

    private static async Task AssertSameFiguresAsync(Func<bool, LaporDb> open)
    {
        await using var db = open(true);
        // The previous release's reading: every report, whatever the period.
        var every = await EveryAsync(db);
        var counted = 0;
        // Later moments too: the open stays' backlog and lateness move on without a step.
        foreach (var now in new[] { Now, Now.AddDays(2), Now.AddDays(45) })
        {
            var queries = new PerformanceQueries(db, Calendar, new FakeTimeProvider(now));
            foreach (var period in Periods)
            {
                var expected = queries.Calculator.Compute(every, period, now);
                AssertSame(expected, await queries.ReportAsync(period));
                counted += expected.Total.Count(Figure.Received) + expected.Total.Count(Figure.Backlog11To20) + expected.Total.Count(Figure.Late);
            }
            foreach (var year in new[] { Period.WholeYear(2026), Period.WholeYear(2027) })
            {
                var trend = await queries.TrendAsync(year);
                Assert.NotEmpty(trend);
                foreach (var month in trend)
                    AssertSame(queries.Calculator.Compute(every, month.Period, now), month);
                // The chart's lines skip the month-end backlogs, and must still draw the same three figures.
                var lines = await queries.TrendLinesAsync(year);
                Assert.Equal(trend.Select(t => (t.Period, t.Total.Count(Figure.Received), t.Total.Count(Figure.Completed), t.Total.OnTimeShare)),
                    lines.Select(l => (l.Period, l.Received, l.Completed, l.OnTimeShare)));
            }
        }
        Assert.True(counted > 0, "the data set should have figures to compare");
    }

    private static async Task<List<ReportFacts>> EveryAsync(LaporDb db) =>
        (await db.Reports.AsNoTracking().ToListAsync())
            .Select(r => new ReportFacts(r.TrackingCode.ToString(), r.SubmittedAt, r.Timeline, r.Rating?.Stars, r.Rating?.RatedAt)).ToList();

    private static void AssertSame(PerformanceReport expected, PerformanceReport actual)
    {
        var period = expected.Period.Code;
        Assert.Equal(expected.AsOf, actual.AsOf);
        Assert.Equal(expected.Submitted, actual.Submitted);
        Assert.Equal(expected.Agencies.Select(a => a.AgencyCode), actual.Agencies.Select(a => a.AgencyCode));
        foreach (var want in expected.Agencies.Append(expected.Total))
        {
            var got = actual.For(want.AgencyCode)!;
            Assert.True(want.Rank == got.Rank, $"{period} {want.AgencyCode}: rank {want.Rank} ≠ {got.Rank}");
            foreach (var figure in Enum.GetValues<Figure>())
                Assert.True(want.Count(figure) == got.Count(figure),
                    $"{period} as of {expected.AsOf:u} {want.AgencyCode} {figure}: {want.Count(figure)} expected, {got.Count(figure)} read");
            Assert.Equal(want.ResponseDays.Distinct, got.ResponseDays.Distinct);
            Assert.Equal(want.Stars.Distinct, got.Stars.Distinct);
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

    private static async Task<List<int>> MonthsAsync(Func<bool, LaporDb> open, Guid reportId)
    {
        await using var db = open(true);
        return await db.Set<PerformanceMonth>().Where(m => m.ReportId == reportId).Select(m => m.Month).OrderBy(m => m).ToListAsync();
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
