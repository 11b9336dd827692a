namespace Lapor.Benchmarks;

/// <summary>
/// How busy the whole machine was between two samples (hosts, databases, the load generator and anyone else's work),
/// from all cores' jiffies in /proc/stat: it says whether a round was limited by the code under test or by the machine.
/// </summary>
internal readonly record struct MachineCpu(long Idle, long Total)
{
    public static MachineCpu Sample()
    {
        if (!File.Exists("/proc/stat"))
            return default;
        var fields = File.ReadLines("/proc/stat").First().Split(' ', StringSplitOptions.RemoveEmptyEntries).Skip(1).Select(long.Parse).ToArray();
        return new MachineCpu(fields[3] + fields[4], fields.Sum());
    }

    /// <summary>The 1, 5 and 15 minute load averages, as <c>uptime</c> prints them.</summary>
    public static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

    /// <summary>The share of the time since <paramref name="before"/> the machine's cores were not idle.</summary>
    public double BusySince(MachineCpu before) => 1 - (double)(Idle - before.Idle) / Math.Max(1, Total - before.Total);
}
