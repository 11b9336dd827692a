using System.Diagnostics;
using System.Globalization;

namespace Lapor.Benchmarks;

/// <summary>
/// <c>engine-loop [instances]</c>: only the engine side of the comparison, for as long as asked, so a sampling profiler
/// (<c>dotnet-trace collect -- dotnet Lapor.Benchmarks.dll engine-loop 3000</c>) sees steady code and nothing else.
/// Prints when the warm-up ends, so a trace can be cut there, and the loop's time and collections per command.
/// </summary>
internal static class EngineLoop
{
    private const int WarmupInstances = 800;

    public static async Task<int> RunAsync(string[] options)
    {
        var instances = options.Length == 0 ? 1000 : int.TryParse(options[0], CultureInfo.InvariantCulture, out var n) && n > 0 ? n : -1;
        if (instances < 0)
        {
            Console.Error.WriteLine("usage: engine-loop [instances]");
            return 2;
        }
        var folder = Directory.CreateTempSubdirectory("lapor-loop-");
        try
        {
            await using var engine = await EngineBenchmark.CreateAsync(Path.Combine(folder.FullName, "engine.db"));
            await engine.RunAsync(WarmupInstances);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"warm-up of {WarmupInstances} instances done at {DateTime.UtcNow:HH:mm:ss.fff} UTC"));
            var collections = GC.CollectionCount(0);
            var paused = GC.GetTotalPauseDuration();
            var cpu = Process.GetCurrentProcess().TotalProcessorTime;
            var watch = Stopwatch.StartNew();
            await engine.RunAsync(instances);
            cpu = Process.GetCurrentProcess().TotalProcessorTime - cpu;
            var commands = instances * EngineBenchmark.CommandsPerInstance;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{instances} instances: {watch.Elapsed.TotalMilliseconds / commands:F3} ms and {cpu.TotalMilliseconds / commands:F3} ms CPU per command (task look-ups included), " +
                $"{GC.CollectionCount(0) - collections} gen-0 collections, GC pauses {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / commands:F3} ms per command"));
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }
}
