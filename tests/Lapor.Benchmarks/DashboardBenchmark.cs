using System.Diagnostics;
using Lapor.Host.Audit.Performance;
using Lapor.Host.Data;
using Lapor.Host.Tests.Audit;
using Lapor.Workflows;
using Lapor.Workflows.Calendars;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.Benchmarks;

/// <summary>
/// `dashboard`: the agency performance page's reads (decisions 033 and 035) on a SQLite file of N varied reports
/// arriving at a steady 25,000 a year, so more reports means more years and the same amount per period. "before" reads
/// every report submitted before the period's end and computes, as the release before 033 did; "drill-down" computes from
/// the reports the period's months and open stays name (the drill-down's reading); "after" reads the tallies and open stays
/// (035). All three give the same figures, which is checked on every run. p50 and p95 over the runs,
/// after one warm-up, each run on a fresh context.
/// </summary>
public static class DashboardBenchmark
{
    private const int ReportsPerYear = 25_000;
    private static readonly BusinessCalendar Calendar = BusinessCalendar.Plain(TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar"));
    private static readonly PerformanceMarker Marker = new(Calendar);
    private static readonly DateTimeOffset Now = new(2030, 8, 14, 10, 0, 0, TimeSpan.FromHours(8));

    public static async Task<int> RunAsync(string[] args)
    {
        var counts = CommandLine.Text(args, "--reports")?.Split(',').Select(int.Parse).ToArray() ?? [10_000, 100_000];
        var runs = CommandLine.Option(args, "--runs", 10);
        Console.WriteLine($"Command line:  dotnet run -c Release --project tests/Lapor.Benchmarks -- dashboard {string.Join(' ', args)}");
        Console.WriteLine($"Machine:       {Environment.ProcessorCount} logical processors, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"Data:          VariedReports, {ReportsPerYear:N0} a year up to {Now:yyyy-MM-dd}; {runs} runs; periods: month 2030-07, semester 2030-S1, trend of 2030");
        Console.WriteLine();
        Console.WriteLine("  reports  read                       before p50   before p95  drill-down p50 drill-down p95 after p50    after p95   reports read before → drill-down; rows read after");
        foreach (var count in counts)
        {
            var file = Path.Combine(Path.GetTempPath(), $"lapor-dashboard-{Guid.NewGuid():N}.db");
            var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();
            try
            {
                // One set of options, as the host has: EF keeps one model and query cache per set.
                var options = new DbContextOptionsBuilder<LaporSqliteDb>().UseWorkflowSqlite(connection).AddInterceptors(Marker).Options;
                LaporDb Open() => new LaporSqliteDb(options);
                await FillAsync(Open, count);
                if (Environment.GetEnvironmentVariable("LAPOR_BENCH_SQL") == "1")
                {
                    await using var logged = new LaporSqliteDb(new DbContextOptionsBuilder<LaporSqliteDb>().UseWorkflowSqlite(connection)
                        .LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).Options);
                    var watch = Stopwatch.StartNew();
                    await Queries(logged).ReportAsync(Period.Month(2030, 7));
                    Console.WriteLine($"month read in {watch.Elapsed.TotalMilliseconds:F0} ms");
                }
                foreach (var (name, period) in new[] { ("month", Period.Month(2030, 7)), ("semester", Period.Semester(2030, 1)) })
                    await CompareAsync(Open, count, name, runs,
                        async db => [await Queries(db).ReportAsync(period)],
                        async db => [await Queries(db).WithCasesAsync(period)],
                        async db => [Queries(db).Calculator.Compute(await EveryReportAsync(db, period), period, Now)]);
                var year = Period.WholeYear(2030);
                await CompareAsync(Open, count, "trend of the year", runs,
                    async db => await Queries(db).TrendAsync(year),
                    async db => await MarksTrendAsync(db, year),
                    async db => await OldTrendAsync(db, year));
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                File.Delete(file);
            }
        }
        return 0;
    }

    private static PerformanceQueries Queries(LaporDb db) => new(db, Calendar, new FakeTimeProvider(Now));

    private static async Task FillAsync(Func<LaporDb> open, int count)
    {
        await using (var db = open())
            await db.Database.MigrateAsync();
        var from = Now.AddDays(-365.0 * count / ReportsPerYear);
        var watch = Stopwatch.StartNew();
        foreach (var batch in VariedReports.Make(count, seed: 2030, from, Now).Chunk(2_000))
        {
            await using var db = open();
            db.Reports.AddRange(batch);
            await db.SaveChangesAsync();
        }
        Console.Error.WriteLine($"filled {count:N0} reports in {watch.Elapsed.TotalSeconds:F0} s");
    }

    /// <summary>The previous release's reading: every report submitted before the period's end.</summary>
    private static async Task<List<ReportFacts>> EveryReportAsync(LaporDb db, Period period)
    {
        var (_, end) = period.Bounds(Calendar.Zone);
        var reports = await db.Reports.AsNoTracking().Where(r => r.SubmittedAt < end)
            .Select(r => new { r.TrackingCode, r.SubmittedAt, r.Timeline, r.Rating }).ToListAsync();
        return reports.Select(r => new ReportFacts(r.TrackingCode.ToString(), r.SubmittedAt, r.Timeline, r.Rating?.Stars, r.Rating?.RatedAt)).ToList();
    }

    private static async Task<IReadOnlyList<PerformanceReport>> OldTrendAsync(LaporDb db, Period year)
    {
        var facts = await EveryReportAsync(db, year);
        var calculator = Queries(db).Calculator;
        return year.Months().Where(m => m.Bounds(Calendar.Zone).Start <= Now).Select(m => calculator.Compute(facts, m, Now)).ToList();
    }

    private static async Task CompareAsync(Func<LaporDb> open, int count, string name, int runs,
        Func<LaporDb, Task<IReadOnlyList<PerformanceReport>>> after, Func<LaporDb, Task<IReadOnlyList<PerformanceReport>>> marks,
        Func<LaporDb, Task<IReadOnlyList<PerformanceReport>>> before)
    {
        var (afterTimes, afterReports) = await TimeAsync(open, runs, after);
        var (marksTimes, marksReports) = await TimeAsync(open, runs, marks);
        var (beforeTimes, beforeReports) = await TimeAsync(open, runs, before);
        for (var i = 0; i < afterReports.Count; i++)
            if (Row(afterReports[i]) != Row(beforeReports[i]) || Row(marksReports[i]) != Row(beforeReports[i]))
                throw new InvalidOperationException($"{name}: figures differ for {afterReports[i].Period.Code}");
        var (readBefore, readMarks, rowsAfter) = await ReadCountsAsync(open, afterReports[0].Period.Year, name);
        Console.WriteLine($"{count,9:N0}  {name,-22} {P(beforeTimes, 0.5),10:F1} ms {P(beforeTimes, 0.95),9:F1} ms {P(marksTimes, 0.5),10:F1} ms {P(marksTimes, 0.95),10:F1} ms"
                          + $" {P(afterTimes, 0.5),9:F1} ms {P(afterTimes, 0.95),9:F1} ms   {readBefore,8:N0} → {readMarks:N0}; {rowsAfter:N0}");
    }

    /// <summary>
    /// How much each way reads for the row's period: the reports submitted before its end, the reports its marks name,
    /// and the tally rows of its periods plus the open stays.
    /// </summary>
    private static async Task<(int Before, int Marks, int After)> ReadCountsAsync(Func<LaporDb> open, int year, string name)
    {
        var period = name switch { "month" => Period.Month(year, 7), "semester" => Period.Semester(year, 1), _ => Period.WholeYear(year) };
        var codes = name == "trend of the year" ? period.Months().Select(m => m.Code).ToList() : [period.Code];
        var (_, end) = period.Bounds(Calendar.Zone);
        await using var db = open();
        var before = await db.Reports.CountAsync(r => r.SubmittedAt < end);
        var months = period.Months().Select(PerformanceMonth.KeyOf).ToList();
        var marks = await db.Set<PerformanceMonth>().Where(m => months.Contains(m.Month)).Select(m => m.ReportId)
            .Union(db.Set<PerformanceOpenStay>().Select(s => s.ReportId)).CountAsync();
        var rows = await db.Set<PerformanceTally>().CountAsync(t => codes.Contains(t.Period)) + await db.Set<PerformanceTallyChange>().CountAsync(t => codes.Contains(t.Period))
                   + await db.Set<PerformanceOpenStay>().CountAsync();
        return (before, marks, rows);
    }

    /// <summary>The trend as decision 033 read it: each month computed from the reports its marks name.</summary>
    private static async Task<IReadOnlyList<PerformanceReport>> MarksTrendAsync(LaporDb db, Period year)
    {
        var queries = Queries(db);
        var months = year.Months().Where(m => m.Bounds(Calendar.Zone).Start <= Now).ToList();
        var reports = new List<PerformanceReport>();
        foreach (var month in months)
            reports.Add(await queries.WithCasesAsync(month));
        return reports;
    }

    private static async Task<(List<double> Times, IReadOnlyList<PerformanceReport> Last)> TimeAsync(
        Func<LaporDb> open, int runs, Func<LaporDb, Task<IReadOnlyList<PerformanceReport>>> read)
    {
        var times = new List<double>();
        IReadOnlyList<PerformanceReport> last = [];
        for (var i = 0; i <= runs; i++)
        {
            await using var db = open();
            var watch = Stopwatch.StartNew();
            last = await read(db);
            if (i > 0)
                times.Add(watch.Elapsed.TotalMilliseconds);
        }
        return (times, last);
    }

    /// <summary>Every figure of every agency, as the CSV export writes them.</summary>
    private static string Row(PerformanceReport report) =>
        string.Join('\n', FiguresTable.Build(report, new Dictionary<string, string>()).Rows.Select(r => string.Join(',', r)));

    private static double P(List<double> values, double share) => Percentiles.Of(values.Order().ToList(), share);

}
