using System.Diagnostics;
using System.Net;
using System.Text;
using System.Text.Json;
using Lapor.Host.Operations;
using Lapor.Host.Tests.Support;

namespace Lapor.Benchmarks;

/// <summary>
/// `submit`: citizen submissions (<c>POST /api/reports</c>) over HTTP on loopback against the built host on SQLite,
/// with 1, 8 and 32 clients, beside the host's bare write (<see cref="BareWriteEndpoint"/>: the same body inserted as
/// one row in one transaction) in the same run and the same process. For each client count the bare round and the
/// submission round follow each other, bare first at one count and second at the next, so a machine that gets busier
/// or quieter moves both. Every request is timed from send to the last byte of the answer.
/// </summary>
public static class SubmitBenchmark
{
    private static readonly int[] ClientCounts = [1, 8, 32];

    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = CommandLine.Option(args, "--seconds", 10);
        Console.WriteLine($"Command line:  dotnet run -c Release --project tests/Lapor.Benchmarks -- submit --seconds {seconds}");
        Console.WriteLine($"Machine:       {Environment.ProcessorCount} logical processors, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"Load average:  {MachineCpu.LoadAverage()} at start");
        Console.WriteLine($"Host:          the built Lapor.Host as its own process, Production, SQLite file in a fresh data folder, demo data, rate limits off");
        Console.WriteLine($"Rounds:        {seconds} s per round and client count, keep-alive, each client sending its next request when the last is answered");
        Console.WriteLine();

        var settings = new Dictionary<string, string>
        {
            ["Lapor__Database__Provider"] = "Sqlite",
            ["Lapor__Benchmark__BareEndpoint"] = "true",
            ["Lapor__SweepIntervalSeconds"] = "30",
        };
        await using var host = await HostProcess.StartAsync("submit", postgresConnection: "", settings);

        // Warm-up, not counted: the JIT, EF's caches and the first pages of the file.
        await RoundAsync(host, Kind.Bare, 8, 3);
        await RoundAsync(host, Kind.Submission, 8, 5);

        var results = new List<(int Clients, Round Bare, Round Submission)>();
        for (var i = 0; i < ClientCounts.Length; i++)
        {
            var clients = ClientCounts[i];
            Round bare, submission;
            if (i % 2 == 0)
            {
                bare = await RoundAsync(host, Kind.Bare, clients, seconds);
                submission = await RoundAsync(host, Kind.Submission, clients, seconds);
            }
            else
            {
                submission = await RoundAsync(host, Kind.Submission, clients, seconds);
                bare = await RoundAsync(host, Kind.Bare, clients, seconds);
            }
            results.Add((clients, bare, submission));
        }

        Console.WriteLine();
        Console.WriteLine("clients  endpoint       req/s     p50 ms   p95 ms   p99 ms   max ms  errors  machine CPU   submission/bare");
        foreach (var (clients, bare, submission) in results)
        {
            Console.WriteLine(Line(clients, "bare write", bare, ""));
            Console.WriteLine(Line(clients, "submission", submission, $"{submission.Rate / bare.Rate,8:P1}"));
        }
        var at8 = results.Single(r => r.Clients == 8);
        Console.WriteLine();
        Console.WriteLine($"Load average:  {MachineCpu.LoadAverage()} at end");
        Console.WriteLine($"Target at 8 clients: submissions >= 50 % of the bare write's rate: {(at8.Submission.Rate / at8.Bare.Rate >= 0.5 ? "met" : "NOT MET")} ({at8.Submission.Rate / at8.Bare.Rate:P1}); " +
                          $"p99 < 50 ms: {(at8.Submission.P99 < 50 ? "met" : "NOT MET")} ({at8.Submission.P99:0.0} ms)");
        return results.Any(r => r.Bare.Errors + r.Submission.Errors > 0) ? 1 : 0;
    }

    private enum Kind
    {
        Bare,
        Submission,
    }

    private sealed record Round(double Rate, double P50, double P95, double P99, double Max, int Errors, double MachineBusy, string? FirstError);

    private static async Task<Round> RoundAsync(HostProcess host, Kind kind, int clients, int seconds)
    {
        var path = kind == Kind.Bare ? BareWriteEndpoint.Path : "/api/reports";
        var latencies = new List<double>[clients];
        var errors = 0;
        string? firstError = null;
        var before = MachineCpu.Sample();
        var duration = TimeSpan.FromSeconds(seconds);
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            using var client = host.NewClient();
            var mine = latencies[c] = new List<double>(4096);
            for (var n = 0; clock.Elapsed < duration; n++)
            {
                using var content = new StringContent(Body(c, n), Encoding.UTF8, "application/json");
                var sent = Stopwatch.GetTimestamp();
                using var response = await client.PostAsync(path, content);
                var answer = await response.Content.ReadAsStringAsync();
                mine.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref errors);
                    firstError ??= $"{(int)response.StatusCode} {answer}";
                }
            }
        })));
        var elapsed = clock.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        var round = new Round(all.Length / elapsed, Percentiles.Of(all, 0.50), Percentiles.Of(all, 0.95), Percentiles.Of(all, 0.99), all[^1], errors,
            MachineCpu.Sample().BusySince(before), firstError);
        Console.WriteLine($"{kind,-10} {clients,3} clients: {all.Length,6} requests in {elapsed:0.0} s" + (firstError is null ? "" : $", first error: {firstError}"));
        return round;
    }

    /// <summary>A report as a citizen sends it; its title differs per request, so no two are the same report.</summary>
    private static string Body(int client, int n) => JsonSerializer.Serialize(new
    {
        type = "Complaint",
        title = $"Jalan berlubang di depan pasar, laporan {client}-{n}",
        description = "Lubang besar di tengah jalan, sudah dua motor jatuh minggu ini. Mohon segera diperbaiki oleh dinas terkait sebelum musim hujan.",
        categoryCode = "jalan",
        reporter = new { name = "Ni Made Sari", email = "made.sari@contoh.id" },
    });

    private static string Line(int clients, string name, Round r, string ratio) =>
        $"{clients,7}  {name,-12} {r.Rate,7:0.0} {r.P50,10:0.0} {r.P95,8:0.0} {r.P99,8:0.0} {r.Max,8:0.0} {r.Errors,7} {r.MachineBusy,12:P0}   {ratio}";
}
