namespace Lapor.Benchmarks;

/// <summary>What one kind of request cost, summed over its requests.</summary>
internal sealed class SqlTally
{
    public int Requests { get; set; }
    public int Commands { get; set; }
    public int Opens { get; set; }
    public int SaveCalls { get; set; }
    public int RowsSaved { get; set; }
    public long AllocatedBytes { get; set; }
    public long WrittenBytes { get; set; }
    public long WriteCalls { get; set; }
    public TimeSpan Wall { get; set; }
    public TimeSpan Cpu { get; set; }
    public TimeSpan Sql { get; set; }
    public TimeSpan Commit { get; set; }
    public TimeSpan Open { get; set; }
    public TimeSpan SaveChanges { get; set; }
    public Dictionary<string, int> Statements { get; } = [];

    /// <summary>Time inside each kind of command (a SaveChanges batch is one command of several statements).</summary>
    public Dictionary<string, TimeSpan> CommandTime { get; } = [];
}
