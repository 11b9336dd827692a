using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;

namespace Lapor.Benchmarks;

/// <summary>
/// The <c>engine</c> sub-command: engine commands per second against plain single-row insert transactions, measured
/// in one process on the same disk with the same SQLite settings, so the ratio is free of machine differences.
/// </summary>
internal static class EngineComparison
{
    /// <summary>The issue's target: the engine keeps at least this share of the plain insert rate.</summary>
    public const double Target = 0.25;

    /// <summary>
    /// Instances run once per process before any timing. With tiered JIT on 2 cores, EF's and the engine's hot paths
    /// need about a thousand commands to reach optimised code; a few dozen would measure the JIT, not the engine.
    /// </summary>
    public const int JitWarmupInstances = 300;

    private const int DefaultInstances = 300;

    /// <summary>Instances run on each round's fresh files before timing, so pools, caches and file pages are live.</summary>
    private const int WarmupInstances = 30;
    private const int Rounds = 3;

    public static async Task<int> RunAsync(string[] options)
    {
        if (!TryParse(options, out var instances, out var check, out var profile))
        {
            Console.Error.WriteLine("usage: engine [--n <instances>] [--check | --profile]");
            return 2;
        }
        if (profile)
            return await EngineProfile.RunAsync(instances);
        var commands = instances * EngineBenchmark.CommandsPerInstance;
        Console.WriteLine("Lapor engine benchmark: start → userTask a → userTask b → end");
        Console.WriteLine($"Command line:  dotnet run -c {Configuration} --project tests/Lapor.Benchmarks -- engine {string.Join(' ', options)}".TrimEnd());
        Console.WriteLine($"Process:       {Environment.CommandLine}");
        Console.WriteLine($"Machine:       {Environment.ProcessorCount} logical processors, {RuntimeInformation.OSDescription} {RuntimeInformation.OSArchitecture}, {RuntimeInformation.FrameworkDescription}, {Configuration} build");
        Console.WriteLine($"N:             {instances} instances = {commands} commands per side per round (start, complete a, complete b)");
        Console.WriteLine($"Warm-up:       not counted: {JitWarmupInstances} instances and {JitWarmupInstances * EngineBenchmark.CommandsPerInstance} inserts once per process (JIT), then {WarmupInstances} instances and {WarmupInstances * EngineBenchmark.CommandsPerInstance} inserts per round on its fresh files");
        Console.WriteLine("Engine:        one DI scope (new DbContext) per command, pooled connection; the task look-up before each completion");
        Console.WriteLine("               (its own scope, like a client's GET /task) is INSIDE the timed loop but not counted as a command");
        Console.WriteLine("Plain:         one connection opened once; per command BEGIN, INSERT one 5-column row, COMMIT (Microsoft.Data.Sqlite)");
        Console.WriteLine($"Rounds:        {Rounds}, fresh database files each round, order alternated; median reported");
        Console.WriteLine();

        await WarmUpAsync();
        var rounds = new List<Round>();
        for (var i = 0; i < Rounds; i++)
        {
            var round = await RunRoundAsync(instances, engineFirst: i % 2 == 0);
            rounds.Add(round);
            if (i == 0)
            {
                Console.WriteLine($"SQLite:        {round.SqliteVersion}; journal_mode={SqliteSettings.JournalMode}, synchronous={SqliteSettings.Synchronous} set on both; read back: " +
                                  $"engine {round.EngineSettings.JournalMode}/{round.EngineSettings.Synchronous}, plain {round.PlainSettings.JournalMode}/{round.PlainSettings.Synchronous}");
                Console.WriteLine();
                Console.WriteLine("round  order          engine cmd/s   plain cmd/s   engine/plain");
            }
            Console.WriteLine($"{i + 1,5}  {(round.EngineFirst ? "engine, plain" : "plain, engine"),-13}  {round.EngineRate,12:F1}  {round.PlainRate,12:F1}  {round.Ratio,12:P1}");
        }

        var engineRate = Median(rounds.Select(r => r.EngineRate));
        var plainRate = Median(rounds.Select(r => r.PlainRate));
        var ratio = Median(rounds.Select(r => r.Ratio));
        Console.WriteLine($"median               {engineRate,12:F1}  {plainRate,12:F1}  {ratio,12:P1}   (ratio: median of the per-round ratios)");
        Console.WriteLine();
        var met = ratio >= Target;
        Console.WriteLine($"Target engine >= {Target:P0} of plain inserts: {(met ? "MET" : "NOT MET")} ({ratio:P1})");
        return check && !met ? 1 : 0;
    }

    private static async Task WarmUpAsync()
    {
        var folder = Directory.CreateTempSubdirectory("lapor-bench-warmup-");
        try
        {
            await using var engine = await EngineBenchmark.CreateAsync(Path.Combine(folder.FullName, "engine.db"));
            await using var plain = await PlainInsertBenchmark.CreateAsync(Path.Combine(folder.FullName, "plain.db"));
            await engine.RunAsync(JitWarmupInstances);
            await plain.RunAsync(JitWarmupInstances * EngineBenchmark.CommandsPerInstance);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<Round> RunRoundAsync(int instances, bool engineFirst)
    {
        var folder = Directory.CreateTempSubdirectory("lapor-bench-");
        try
        {
            await using var engine = await EngineBenchmark.CreateAsync(Path.Combine(folder.FullName, "engine.db"));
            await using var plain = await PlainInsertBenchmark.CreateAsync(Path.Combine(folder.FullName, "plain.db"));
            var commands = instances * EngineBenchmark.CommandsPerInstance;
            await engine.RunAsync(WarmupInstances);
            await plain.RunAsync(WarmupInstances * EngineBenchmark.CommandsPerInstance);

            double engineRate, plainRate;
            if (engineFirst)
            {
                engineRate = await RateAsync(() => engine.RunAsync(instances));
                plainRate = await RateAsync(() => plain.RunAsync(commands));
            }
            else
            {
                plainRate = await RateAsync(() => plain.RunAsync(commands));
                engineRate = await RateAsync(() => engine.RunAsync(instances));
            }

            // Outside the timing: prove both sides wrote what they claim, so a silently failing loop cannot look fast.
            var ended = await engine.CompletedInstancesAsync();
            var rows = await plain.RowCountAsync();
            if (ended != WarmupInstances + instances || rows != (WarmupInstances + instances) * EngineBenchmark.CommandsPerInstance)
                throw new InvalidOperationException($"Expected {WarmupInstances + instances} completed instances and {(WarmupInstances + instances) * 3} rows, found {ended} and {rows}.");
            return new Round(engineFirst, engineRate, plainRate, await engine.ReadSettingsAsync(), await plain.ReadSettingsAsync(), plain.SqliteVersion);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task<double> RateAsync(Func<Task<int>> run)
    {
        // Start each timed phase with a clean heap, so one side does not pay for the other's garbage.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        var watch = Stopwatch.StartNew();
        var commands = await run();
        return commands / watch.Elapsed.TotalSeconds;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToList();
        return sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
    }

    private static bool TryParse(string[] options, out int instances, out bool check, out bool profile)
    {
        instances = DefaultInstances;
        check = false;
        profile = false;
        for (var i = 0; i < options.Length; i++)
        {
            switch (options[i])
            {
                case "--check":
                    check = true;
                    break;
                case "--profile":
                    profile = true;
                    break;
                case "--n" when i + 1 < options.Length && int.TryParse(options[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n > 0:
                    instances = n;
                    i++;
                    break;
                default:
                    return false;
            }
        }
        return !(check && profile);
    }

#if DEBUG
    private const string Configuration = "Debug";
#else
    private const string Configuration = "Release";
#endif

    private sealed record Round(bool EngineFirst, double EngineRate, double PlainRate,
        (string JournalMode, long Synchronous) EngineSettings, (string JournalMode, long Synchronous) PlainSettings, string SqliteVersion)
    {
        public double Ratio => EngineRate / PlainRate;
    }
}
