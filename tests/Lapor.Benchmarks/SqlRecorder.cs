using System.Data.Common;
using System.Diagnostics;
using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Benchmarks;

/// <summary>
/// For the profile only: tallies, per request kind, the SQL statements EF sends (by verb and table), the time SQLite
/// spends on them, the commit, SaveChanges and connection opens, so the engine's cost can be split into database
/// work and managed work without an external profiler.
/// </summary>
internal sealed partial class SqlRecorder : IDbCommandInterceptor, IDbTransactionInterceptor, IDbConnectionInterceptor, ISaveChangesInterceptor
{
    private readonly Stopwatch _saving = new();
    private SqlTally _current = new();
    private TimeSpan _cpuAtBegin;
    private long _allocatedAtBegin;
    private (long Bytes, long Calls) _writtenAtBegin;

    public Dictionary<string, SqlTally> Tallies { get; } = [];

    /// <summary>Counts everything from here until <see cref="End"/> toward the request kind <paramref name="kind"/>.</summary>
    public void Begin(string kind)
    {
        if (!Tallies.TryGetValue(kind, out var tally))
            Tallies[kind] = tally = new SqlTally();
        _current = tally;
        _current.Requests++;
        _cpuAtBegin = Environment.CpuUsage.TotalTime;
        _allocatedAtBegin = GC.GetTotalAllocatedBytes();
        _writtenAtBegin = Written();
    }

    /// <summary>Closes the request opened by <see cref="Begin"/>; CPU time is the whole process's, so JIT and GC threads count.</summary>
    public void End(TimeSpan wall)
    {
        _current.Wall += wall;
        _current.Cpu += Environment.CpuUsage.TotalTime - _cpuAtBegin;
        _current.AllocatedBytes += GC.GetTotalAllocatedBytes() - _allocatedAtBegin;
        var written = Written();
        _current.WrittenBytes += written.Bytes - _writtenAtBegin.Bytes;
        _current.WriteCalls += written.Calls - _writtenAtBegin.Calls;
    }

    /// <summary>Bytes handed to write() and the number of calls so far (Linux only; zero elsewhere).</summary>
    private static (long Bytes, long Calls) Written()
    {
        const string path = "/proc/self/io";
        if (!File.Exists(path))
            return (0, 0);
        var fields = File.ReadLines(path).Select(l => l.Split(':', 2)).ToDictionary(f => f[0], f => long.Parse(f[1], CultureInfo.InvariantCulture));
        return (fields["wchar"], fields["syscw"]);
    }

    public DbDataReader ReaderExecuted(DbCommand command, CommandExecutedEventData eventData, DbDataReader result) =>
        Record(command, eventData, result);

    public ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, eventData, result));

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result) => Record(command, eventData, result);

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, eventData, result));

    public object? ScalarExecuted(DbCommand command, CommandExecutedEventData eventData, object? result) => Record(command, eventData, result);

    public ValueTask<object?> ScalarExecutedAsync(DbCommand command, CommandExecutedEventData eventData, object? result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(Record(command, eventData, result));

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _current.Commit += eventData.Duration;
        return Task.CompletedTask;
    }

    public Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        _current.Opens++;
        _current.Open += eventData.Duration;
        return Task.CompletedTask;
    }

    public ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        _saving.Restart();
        return ValueTask.FromResult(result);
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
    {
        _current.SaveChanges += _saving.Elapsed;
        _current.SaveCalls++;
        _current.RowsSaved += result;
        return ValueTask.FromResult(result);
    }

    private readonly HashSet<string> _dumped = [];

    private T Record<T>(DbCommand command, CommandExecutedEventData eventData, T result)
    {
        _current.Commands++;
        _current.Sql += eventData.Duration;
        // EF sends a SaveChanges batch as one command holding several statements; count each statement.
        var kinds = new List<string>();
        foreach (var statement in command.CommandText.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var key = Describe(statement);
            kinds.Add(key);
            _current.Statements[key] = _current.Statements.GetValueOrDefault(key) + 1;
        }
        var kind = string.Join(" + ", kinds);
        if (Environment.GetEnvironmentVariable("LAPOR_DUMP_SQL") is { } dump && _dumped.Add(command.CommandText))
            File.AppendAllText(dump, $"-- {kind}\n{command.CommandText}\n\n");
        _current.CommandTime[kind] = _current.CommandTime.GetValueOrDefault(kind) + eventData.Duration;
        return result;
    }

    private static string Describe(string statement)
    {
        var verb = statement.Split((char[])[' ', '\n', '\r'], 2)[0].ToUpperInvariant();
        var table = TableName().Match(statement);
        return table.Success ? $"{verb} {table.Groups[1].Value}" : verb;
    }

    [GeneratedRegex("""(?:FROM|INTO|UPDATE)\s+"?(\w+)"?""", RegexOptions.IgnoreCase)]
    private static partial Regex TableName();
}
