using System.Collections.Concurrent;
using System.Data.Common;
using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Workflows.Tests.Persistence.Sqlite;

/// <summary>
/// Writers to one SQLite file take turns in the process (decision 032) instead of running into SQLite's busy error
/// and sleeping on it: a second writer runs no statement until the first has finished, whatever way it finished.
/// </summary>
public sealed class SqliteWriteGateTests : IAsyncLifetime
{
    private readonly string _file = Path.Combine(Path.GetTempPath(), $"lapor-gate-{Guid.NewGuid():N}.db");

    // Only this class's connections are closed at the end: closing every kept connection in the process took them from
    // tests running beside it (KeptConnectionsTests counts the connections its scopes get).
    private readonly HashSet<string> _connectionStrings = [];

    public async Task InitializeAsync()
    {
        await using var db = Open();
        await db.Database.EnsureCreatedAsync();
    }

    public Task DisposeAsync()
    {
        SqliteConnection.ClearAllPools();
        lock (_connectionStrings)
            foreach (var connectionString in _connectionStrings)
                WorkflowSqlite.CloseIdleConnections(connectionString);
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(_file + suffix);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task ASecondWriter_RunsNoStatement_UntilTheFirstCommits()
    {
        await using var first = Open();
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.Notes.Add(new Note { Text = "pertama" });
        await first.SaveChangesAsync();

        var statements = new StatementLog();
        await using var second = Open(statements);
        second.Notes.Add(new Note { Text = "kedua" });
        var saving = second.SaveChangesAsync();
        // Time enough for the second save to reach its INSERT if nothing held it back (it would then sit in SQLite's
        // busy retries); held at the gate, it has sent nothing.
        await Task.Delay(500);
        Assert.False(saving.IsCompleted);
        Assert.Empty(statements.Started);

        await transaction.CommitAsync();
        await saving;
        Assert.NotEmpty(statements.Started);
        Assert.Equal(["kedua", "pertama"], await TextsAsync());
    }

    [Fact]
    public async Task HowLongTheTurnWasHeld_AndWaitedFor_IsRecordedOnTheEnginesMeter()
    {
        // Only this file's writers: other tests in the process write other files through the same static instruments.
        var recorded = new ConcurrentQueue<(string Name, double Seconds)>();
        using var listener = new System.Diagnostics.Metrics.MeterListener();
        listener.InstrumentPublished = (instrument, l) =>
        {
            if (instrument.Meter.Name == Lapor.Workflows.Runtime.WorkflowMetrics.MeterName && instrument.Name.StartsWith("lapor.workflows.sqlite.write_turn.", StringComparison.Ordinal))
                l.EnableMeasurementEvents(instrument);
        };
        var mine = new AsyncLocal<bool>();
        listener.SetMeasurementEventCallback<double>((instrument, value, _, _) =>
        {
            if (mine.Value)
                recorded.Enqueue((instrument.Name, value));
        });
        listener.Start();
        mine.Value = true;

        await using var first = Open();
        var transaction = await first.Database.BeginTransactionAsync();
        first.Notes.Add(new Note { Text = "ditahan" });
        await first.SaveChangesAsync();
        await using var second = Open();
        second.Notes.Add(new Note { Text = "menunggu" });
        var saving = second.SaveChangesAsync();
        await Task.Delay(300);
        await transaction.CommitAsync();
        await transaction.DisposeAsync();
        await saving;

        var held = recorded.Where(r => r.Name == "lapor.workflows.sqlite.write_turn.held").Select(r => r.Seconds).ToList();
        var waited = recorded.Where(r => r.Name == "lapor.workflows.sqlite.write_turn.waited").Select(r => r.Seconds).ToList();
        Assert.Equal(2, held.Count);
        Assert.True(held.Max() >= 0.25, $"the first writer held the turn about 0.3 s; recorded {string.Join(", ", held)}");
        Assert.True(Assert.Single(waited) >= 0.25, $"the second waited about 0.3 s; recorded {string.Join(", ", waited)}");
        Assert.Single(recorded, r => r.Name == "lapor.workflows.sqlite.write_turn.handover");
    }

    [Fact]
    public async Task Turns_AreGivenInTheOrderTheyWereAskedFor()
    {
        await using var first = Open();
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.Notes.Add(new Note { Text = "0" });
        await first.SaveChangesAsync();

        // Each asks only once the one before waits, and waits longer than a waiter's look-around interval (100 ms)
        // before that: a queue that lost waiters' places whenever they looked around would let a later one overtake.
        var gate = SqliteWriteGate.For(first.Database.GetDbConnection())!;
        var order = new ConcurrentQueue<int>();
        var writers = new List<Task>();
        for (var i = 1; i <= 3; i++)
        {
            var n = i;
            writers.Add(Task.Run(async () =>
            {
                await using var db = Open();
                await using var mine = await db.Database.BeginTransactionAsync();
                order.Enqueue(n);
                db.Notes.Add(new Note { Text = n.ToString() });
                await db.SaveChangesAsync();
                await mine.CommitAsync();
            }));
            while (gate.WaitingCount < n)
                await Task.Delay(10);
            await Task.Delay(250);
        }
        await transaction.CommitAsync();
        await Task.WhenAll(writers);

        Assert.Equal([1, 2, 3], order);
    }

    [Fact]
    public async Task ATransactionDisposedWithoutCommit_PassesTheTurnOn()
    {
        await using var first = Open();
        // Opened by the caller, so EF leaves it open after the transaction: no close tells the gate the turn ended.
        await first.Database.OpenConnectionAsync();
        await using (await first.Database.BeginTransactionAsync())
        {
            first.Notes.Add(new Note { Text = "dibatalkan" });
            await first.SaveChangesAsync();
        }

        // With a short busy timeout: a turn never passed on would fail this save rather than wait 30 s.
        await using var second = Open(timeoutSeconds: 5);
        second.Notes.Add(new Note { Text = "tersimpan" });
        await second.SaveChangesAsync();

        Assert.Equal(["tersimpan"], await TextsAsync());
    }

    [Fact]
    public async Task ASaveThatFailsInAnotherInterceptor_PassesTheTurnOn()
    {
        await using (var failing = Open(new FailingSave()))
        {
            failing.Notes.Add(new Note { Text = "ditolak" });
            await Assert.ThrowsAsync<InvalidOperationException>(() => failing.SaveChangesAsync());
        }

        await using var next = Open(timeoutSeconds: 5);
        next.Notes.Add(new Note { Text = "diterima" });
        await next.SaveChangesAsync();

        Assert.Equal(["diterima"], await TextsAsync());
    }

    [Fact]
    public async Task AWriterWaitingLongerThanItsTimeout_FailsAsSqliteWould_AndWritesNothing()
    {
        await using var first = Open();
        await using var transaction = await first.Database.BeginTransactionAsync();
        first.Notes.Add(new Note { Text = "lama" });
        await first.SaveChangesAsync();

        await using var second = Open(timeoutSeconds: 1);
        second.Notes.Add(new Note { Text = "tidak sempat" });
        var busy = await Assert.ThrowsAsync<SqliteException>(() => second.SaveChangesAsync());
        Assert.Equal(5, busy.SqliteErrorCode); // SQLITE_BUSY

        await transaction.CommitAsync();
        Assert.Equal(["lama"], await TextsAsync());
    }

    [Fact]
    public async Task OneConnection_WritesAsOftenAsItLikes_InsideItsOwnTurn()
    {
        await using var db = Open(timeoutSeconds: 5);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.Notes.Add(new Note { Text = "satu" });
            await db.SaveChangesAsync();
            await db.Notes.Where(n => n.Text == "satu").ExecuteUpdateAsync(s => s.SetProperty(n => n.Text, "dua"));
            await db.Database.ExecuteSqlRawAsync("INSERT INTO Notes (Text) VALUES ('tiga')");
            await transaction.CommitAsync();
        }
        // Outside a transaction: a save and a statement each take and give back the turn.
        db.Notes.Add(new Note { Text = "empat" });
        await db.SaveChangesAsync();
        await db.Notes.Where(n => n.Text == "empat").ExecuteDeleteAsync();

        Assert.Equal(["dua", "tiga"], await TextsAsync());
    }

    [Fact]
    public async Task ManyWritersAtOnce_AllLand()
    {
        await Task.WhenAll(Enumerable.Range(0, 16).Select(i => Task.Run(async () =>
        {
            await using var db = Open();
            for (var n = 0; n < 10; n++)
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                db.Notes.Add(new Note { Text = $"{i}-{n}" });
                await db.SaveChangesAsync();
                await transaction.CommitAsync();
            }
        })));

        Assert.Equal(160, (await TextsAsync()).Count);
    }

    private GateDb Open(IInterceptor? log = null, int timeoutSeconds = 30)
    {
        var connection = new SqliteConnectionStringBuilder { DataSource = _file, DefaultTimeout = timeoutSeconds }.ToString();
        lock (_connectionStrings)
            _connectionStrings.Add(connection);
        var options = new DbContextOptionsBuilder<GateDb>().UseWorkflowSqlite(connection);
        if (log is not null)
            options.AddInterceptors(log);
        return new GateDb(options.Options);
    }

    private async Task<List<string>> TextsAsync()
    {
        await using var db = Open();
        return await db.Notes.OrderBy(n => n.Text).Select(n => n.Text).ToListAsync();
    }

    private sealed class GateDb(DbContextOptions<GateDb> options) : DbContext(options)
    {
        public DbSet<Note> Notes => Set<Note>();
    }

    private sealed class Note
    {
        public int Id { get; set; }

        public required string Text { get; set; }
    }

    /// <summary>An interceptor after the gate that refuses every save, as a host's check would.</summary>
    private sealed class FailingSave : SaveChangesInterceptor
    {
        public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default) =>
            throw new InvalidOperationException("refused");
    }

    /// <summary>Every command the context starts to run.</summary>
    private sealed class StatementLog : DbCommandInterceptor
    {
        public ConcurrentQueue<string> Started { get; } = new();

        public override ValueTask<InterceptionResult<DbDataReader>> ReaderExecutingAsync(DbCommand command, CommandEventData eventData,
            InterceptionResult<DbDataReader> result, CancellationToken cancellationToken = default)
        {
            Started.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }

        public override ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
            CancellationToken cancellationToken = default)
        {
            Started.Enqueue(command.CommandText);
            return ValueTask.FromResult(result);
        }
    }
}
