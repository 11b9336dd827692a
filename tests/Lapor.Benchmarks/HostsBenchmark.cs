using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Lapor.Host.Tests.Support;

namespace Lapor.Benchmarks;

/// <summary>
/// `hosts`: report submissions per second over HTTP (<c>POST /api/reports</c>, each a report row and a started
/// process) through one host and through two hosts on the same throw-away PostgreSQL, in the same run. Both built hosts
/// run as processes throughout; the one-host rounds simply send nothing to B. Rounds go one, two, one, so a machine
/// that gets busier or quieter during the run moves both figures; the one-host rate is the mean of its two rounds.
/// </summary>
public static class HostsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var seconds = CommandLine.Option(args, "--seconds", 15);
        var clients = CommandLine.Option(args, "--clients", 16);
        Console.WriteLine($"Command line:  dotnet run -c Release --project tests/Lapor.Benchmarks -- hosts --seconds {seconds} --clients {clients}");
        Console.WriteLine($"Machine:       {Environment.ProcessorCount} logical processors, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"Load:          {clients} concurrent clients, keep-alive, each posting one report after another for {seconds} s per round");

        await using var postgres = new PostgresServer();
        await postgres.StartAsync(maxConnections: 300);
        var database = await postgres.NewDatabaseAsync();
        // The product's own sweep interval, not the tests' one second.
        var settings = new Dictionary<string, string> { ["Lapor__SweepIntervalSeconds"] = "30" };
        // One after the other: until migrations make the schema, two hosts creating it at once race.
        await using var a = await HostProcess.StartAsync("a", database, settings);
        await using var b = await HostProcess.StartAsync("b", database, settings);

        await RoundAsync("warm-up (both hosts)", [a, b], 5, clients);
        var one1 = await RoundAsync("one host", [a], seconds, clients);
        var two = await RoundAsync("two hosts", [a, b], seconds, clients);
        var one2 = await RoundAsync("one host again", [a], seconds, clients);
        var one = (one1 + one2) / 2;
        Console.WriteLine();
        Console.WriteLine($"one host:  {one,8:0.0} submissions/s (mean of {one1:0.0} and {one2:0.0})");
        Console.WriteLine($"two hosts: {two,8:0.0} submissions/s");
        Console.WriteLine($"ratio:     {two / one,8:0.00}x (target >= 1.60x)");
        return 0;
    }

    private static async Task<double> RoundAsync(string name, HostProcess[] hosts, int seconds, int clients)
    {
        var accepted = 0;
        var failed = 0;
        string? firstFailure = null;
        var cpuBefore = MachineCpu.Sample();
        var clock = Stopwatch.StartNew();
        var duration = TimeSpan.FromSeconds(seconds);
        await Task.WhenAll(Enumerable.Range(0, clients).Select(c => Task.Run(async () =>
        {
            var host = hosts[c % hosts.Length];
            using var client = host.NewClient();
            // Bounded in count as well as in time.
            for (var n = 0; n < 100_000 && clock.Elapsed < duration; n++)
            {
                using var response = await client.PostAsJsonAsync("/api/reports", new
                {
                    type = "Complaint",
                    title = $"Jalan berlubang nomor {c}-{n}",
                    description = "Lubang besar di tengah jalan, sudah dua motor jatuh minggu ini.",
                    categoryCode = "jalan",
                    reporter = new { name = "Ni Made Sari", email = "made.sari@contoh.id" },
                });
                if (response.StatusCode == HttpStatusCode.Created)
                {
                    Interlocked.Increment(ref accepted);
                }
                else
                {
                    Interlocked.Increment(ref failed);
                    firstFailure ??= $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}";
                }
            }
        })));
        var rate = accepted / clock.Elapsed.TotalSeconds;
        var busy = MachineCpu.Sample().BusySince(cpuBefore);
        Console.WriteLine($"{name,-22} {accepted,6} accepted, {failed} refused in {clock.Elapsed.TotalSeconds:0.0} s: {rate:0.0}/s, machine CPU {busy:P0} busy"
                          + (firstFailure is null ? "" : $" (first refusal: {firstFailure})"));
        return rate;
    }
}
