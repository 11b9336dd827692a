using System.Diagnostics;
using Lapor.Host.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// `scale`: the built host on a database of N reports over five simulated years (<see cref="ScaleFiller"/>), and the
/// p50/p95 of the pages people open most, over HTTP as each user gets them. The host makes the schema, the demo users
/// and the template cases itself; it is stopped while the filler writes and started again on the filled database.
/// With <c>--against M</c> a second database of M reports gets its own host, and every page is measured on both in
/// turn, so the growth from M to N comes from one run.
/// </summary>
public static class ScaleBenchmark
{
    private static readonly string[] Words = ["berlubang", "padam", "sampah", "pungutan", "banjir", "jembatan", "parkir", "obat"];

    private static readonly string[] Categories = ["jalan", "kesehatan", "lingkungan-hidup", "perizinan", "transportasi", "pendidikan", "air-bersih", "listrik"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ScaleOptions.Parse(args);
        Console.WriteLine($"Command line:  {options.CommandLine}");
        Console.WriteLine($"Machine:       {Environment.ProcessorCount} logical processors, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"Load before:   load average {MachineCpu.LoadAverage()}");

        await using var postgres = options.Postgres ? new PostgresServer() : null;
        if (postgres is not null)
            await postgres.StartAsync();
        // The largest first: it is the one measured against, and the one held.
        int[] sizes = options.Against is { } against && against != options.Reports ? [options.Reports, against] : [options.Reports];
        var databases = new List<ScaleDatabase>();
        var hosts = new List<HostProcess>();
        var sides = new List<ScaleSide>();
        try
        {
            // The smaller one is filled first only because it is quick: a mistake shows before the long fill.
            foreach (var size in sizes.Reverse())
                databases.Insert(0, await ScaleDatabase.PrepareAsync(options, size, postgres));
            foreach (var database in databases)
            {
                var started = Stopwatch.StartNew();
                var host = await database.StartHostAsync(TimeSpan.FromMinutes(10));
                hosts.Add(host);
                Console.WriteLine($"Host start:    {database.Label}, {started.Elapsed.TotalSeconds:0.0} s on the filled database");
                await database.SettleAsync();
                sides.Add(await ScaleSide.SignInAsync(database, host));
            }
            await MeasureAsync(sides, options.Runs, options.WarmUp);
            Console.WriteLine($"Load after:    load average {MachineCpu.LoadAverage()}");
            foreach (var side in sides.Skip(options.Hold is null ? 0 : 1))
            {
                // A kept file is measured again, often by hand with a host started on it: the exports this run asked
                // for would be built in that host's background. Stop this host first, so none is being written.
                side.Host.Kill();
                if (side.Database.Kept)
                    await side.Database.ForgetExportsAsync();
            }
            if (options.Hold is { } hold)
            {
                var held = sides[0];
                // The exports the run asked for would be built while the database is held, under whatever is measured
                // by hand then (every page took twice as long); the one being built finishes.
                Console.WriteLine($"Exports:       {await held.Database.DropWaitingExportsAsync()} still waiting dropped, so they are not built while holding");
                Console.WriteLine($"Holding:       host {held.Host.BaseAddress}, database {(options.Postgres ? held.Database.ConnectionString : held.Database.DataDirectory)}; create {hold} to stop");
                while (!File.Exists(hold))
                    await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        finally
        {
            foreach (var side in sides)
                side.Dispose();
            foreach (var host in hosts)
                await host.DisposeAsync();
            SqliteConnection.ClearAllPools();
            foreach (var database in databases)
                database.Discard();
        }
        return 0;
    }

    private static async Task MeasureAsync(List<ScaleSide> sides, int runs, int warmUp)
    {
        var now = DateTime.UtcNow;
        string Month(int i) => now.AddMonths(-1 - i % 24).ToString("yyyy-MM");
        string Semester(int i) => $"{now.Year - 1 - i % 4}-S{1 + i % 2}";

        // Every page the run times, in the order it times them: first all of them over and over until the hosts' code is
        // compiled in full (below), then each one's timed requests.
        var pages = new List<ScalePage>
        {
            new("officer inbox, first page", (s, i) => (s.Officer(i), "/Tugas")),
            new("officer inbox, category filter", (s, i) => (s.Officer(i), $"/Tugas?kategori={Categories[i / 2 % Categories.Length]}")),
            new("coordinator inbox, first page", (s, _) => (s.Coordinator, "/Tugas")),
            new("coordinator inbox, category filter", (s, i) => (s.Coordinator, $"/Tugas?kategori={Categories[i % Categories.Length]}")),
            // /Lacak does no database work of its own: for a signed-in staff member it is the layout, i.e. the badge.
            new("badge (officer, /Lacak signed in)", (s, i) => (s.Officer(i), "/Lacak")),
            new("badge (coordinator, /Lacak signed in)", (s, _) => (s.Coordinator, "/Lacak")),
            new("public list, first page", (s, _) => (s.Anonymous, "/Laporan")),
            new("public list, search", (s, i) => (s.Anonymous, $"/Laporan?q={Words[i % Words.Length]}")),
            new("tracking one report", (s, i) => (s.Anonymous, $"/Lacak/{s.Codes[i % s.Codes.Count]}")),
            new("case viewer (auditor)", (s, i) => (s.Auditor, $"/Audit/Kasus/{s.Codes[(i * 7 + 3) % s.Codes.Count]}")),
            new("performance dashboard, semester", (s, i) => (s.Auditor, $"/Audit/Kinerja?periode={Semester(i)}")),
            new("performance dashboard, month", (s, i) => (s.Auditor, $"/Audit/Kinerja?periode={Month(i)}")),
        };
        await PageTimings.WarmUpAsync(sides, pages, warmUp);

        Console.WriteLine();
        Console.WriteLine(PageTimings.Header(sides));
        var timings = new List<List<Timing>>();
        foreach (var page in pages)
            timings.Add(await PageTimings.MeasureAsync(page.Name, sides, page.Request, runs));
        // A period export is prepared in the background (decision 036). First how long a month's file takes to be
        // ready, each build alone, one size after the other; then the page its user gets when asking (the request
        // and the progress page it redirects to), while the builds those requests start run behind it.
        foreach (var side in sides)
            await ExportTimings.MeasureAsync($"export of one month (CSV), {side.Label}: file ready and downloaded (p50 and max, not p95)", side.Auditor,
                [.. Enumerable.Range(0, 3).Select(i => $"/Audit/Ekspor?handler=Download&periode={Month(i + 5)}&format=csv")]);
        // Each asking starts a build: measured side by side, one host's requests would wait for the other's builds.
        timings.Add(await PageTimings.MeasureOneAfterAnotherAsync("export of one month (CSV): asking, until its progress page", sides,
            (s, i) => (s.Auditor, $"/Audit/Ekspor?handler=Download&periode={Month(i)}&format=csv"), runs, followRedirect: true));

        Console.WriteLine();
        Console.WriteLine($"Under 100 ms p95 at {sides[0].Label}: {timings.Count(p => p[0].P95 < 100)} of {timings.Count} pages");
        if (sides.Count > 1)
            Console.WriteLine($"Growth {sides[^1].Label} → {sides[0].Label} within 1.5×: {timings.Count(p => p[0].P95 <= 1.5 * p[^1].P95)} of {timings.Count} by p95, " +
                              $"{timings.Count(p => p[0].P50 <= 1.5 * p[^1].P50)} of {timings.Count} by p50");
    }
}
