using System.Globalization;

namespace Lapor.Benchmarks;

/// <summary>
/// <c>engine --profile</c>: the engine loop once more, with <see cref="SqlRecorder"/> attached, printing per request
/// kind how many statements run and where the wall time goes. Not a rate measurement: the recorder costs time itself.
/// </summary>
internal static class EngineProfile
{
    public static async Task<int> RunAsync(int instances)
    {
        var folder = Directory.CreateTempSubdirectory("lapor-profile-");
        try
        {
            var recorder = new SqlRecorder();
            await using var engine = await EngineBenchmark.CreateAsync(Path.Combine(folder.FullName, "engine.db"), recorder);
            await engine.RunAsync(EngineComparison.JitWarmupInstances);
            recorder.Tallies.Clear();
            // Tiered JIT (with dynamic PGO) can still be recompiling hot methods after the warm-up; its CPU counts in
            // every request's CPU column, so say how much of it there was.
            var (methods, jitTime) = (System.Runtime.JitInfo.GetCompiledMethodCount(), System.Runtime.JitInfo.GetCompilationTime());
            await engine.RunAsync(instances);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"JIT during the measured loop: {System.Runtime.JitInfo.GetCompiledMethodCount() - methods} methods compiled, {(System.Runtime.JitInfo.GetCompilationTime() - jitTime).TotalMilliseconds:F0} ms in the JIT"));
            Print(recorder.Tallies, instances);
            return 0;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static void Print(Dictionary<string, SqlTally> tallies, int instances)
    {
        Console.WriteLine($"Engine profile, {instances} instances after {EngineComparison.JitWarmupInstances} warm-up instances; times are means per request in ms");
        Console.WriteLine("(SQL = time inside EF's DbCommand executions; on SQLite the engine's own statements, kept compiled per connection,");
        Console.WriteLine(" run outside EF and count under managed; open = connection open incl. pool; commit = COMMIT incl. fsync;");
        Console.WriteLine(" managed = wall − SQL − commit − open: EF change tracking, query and update pipeline, engine, DI;");
        Console.WriteLine(" CPU = process CPU time, all threads; alloc = bytes allocated; written = bytes and write() calls to files,");
        Console.WriteLine(" WAL and checkpoints included, from /proc/self/io)");
        Console.WriteLine();
        Console.WriteLine("request         count   wall    CPU    SQL  commit  opens  open  SaveChanges  managed  DbCommands  statements  rows saved  alloc KB  written KB  writes");
        foreach (var (kind, t) in tallies)
        {
            double Ms(TimeSpan span) => span.TotalMilliseconds / t.Requests;
            double PerRequest(long value) => (double)value / t.Requests;
            var managed = t.Wall - t.Sql - t.Commit - t.Open;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{kind,-14} {t.Requests,6} {Ms(t.Wall),6:F2} {Ms(t.Cpu),6:F2} {Ms(t.Sql),6:F2} {Ms(t.Commit),7:F2} {PerRequest(t.Opens),6:F1} {Ms(t.Open),5:F2} {Ms(t.SaveChanges),12:F2} {Ms(managed),8:F2} {PerRequest(t.Commands),11:F1} {PerRequest(t.Statements.Values.Sum()),11:F1} {PerRequest(t.RowsSaved),11:F1} {t.AllocatedBytes / 1024.0 / t.Requests,9:F0} {t.WrittenBytes / 1024.0 / t.Requests,11:F1} {PerRequest(t.WriteCalls),7:F1}"));
        }
        Console.WriteLine();
        Console.WriteLine("Statements per request, by verb and table:");
        foreach (var (kind, t) in tallies)
        {
            Console.WriteLine($"  {kind}:");
            foreach (var (statement, count) in t.Statements.OrderByDescending(s => s.Value).ThenBy(s => s.Key))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {(double)count / t.Requests,5:F1}  {statement}"));
        }
        Console.WriteLine();
        Console.WriteLine("SQL time per request by command, ms (EF commands only; a SaveChanges batch is one command):");
        foreach (var (kind, t) in tallies)
        {
            Console.WriteLine($"  {kind}:");
            foreach (var (command, time) in t.CommandTime.OrderByDescending(c => c.Value))
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"    {time.TotalMilliseconds / t.Requests,6:F3}  {command}"));
        }
    }
}
