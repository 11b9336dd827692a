using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// One writer at a time per SQLite database file, the others waiting their turn in this process (decision 032).
/// SQLite allows one write transaction per file; a second connection that tries to write meanwhile gets SQLITE_BUSY,
/// and Microsoft.Data.Sqlite answers that by sleeping and retrying until its timeout, so under load writers slept in
/// turns of a tenth of a second while the file was free, and a submission's p99 reached seconds. Here a writer that
/// finds the file taken queues, and the holder hands the turn to the first in the queue the moment it commits or rolls
/// back.
/// <para>
/// A <see cref="Lease"/> is held by one connection: from the start of a transaction to its end, or around one
/// save or statement that runs without a transaction. Whatever else that same connection writes meanwhile passes (it
/// is the holder). A transaction disposed without commit or rollback raises no event; a waiter notices that the
/// holder's connection is no longer in a transaction (or, for a save, no longer open) and takes the turn over.
/// </para>
/// </summary>
internal sealed class SqliteWriteGate
{
    /// <summary>How often a waiter looks whether the holder's transaction ended without saying so.</summary>
    private static readonly TimeSpan LookAgainAfter = TimeSpan.FromMilliseconds(100);

    private static readonly ConcurrentDictionary<string, SqliteWriteGate?> PerConnectionString = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> PerFile = new(StringComparer.Ordinal);

    private static readonly Meter Meter = new(Runtime.WorkflowMetrics.MeterName);

    // Writers hold the file for a fraction of a millisecond to some; the default buckets are meant for whole ones.
    private static readonly double[] Buckets = [0.0001, 0.00025, 0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1, 5];

    private static readonly Histogram<double> Held = Meter.CreateHistogram("lapor.workflows.sqlite.write_turn.held", "s",
        "How long a writer held the database file's write turn, from getting it to handing it on.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    private static readonly Histogram<double> Waited = Meter.CreateHistogram("lapor.workflows.sqlite.write_turn.waited", "s",
        "How long a writer queued for the write turn (writers that found it free are not recorded).",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    private static readonly Histogram<double> HandedOver = Meter.CreateHistogram("lapor.workflows.sqlite.write_turn.handover", "s",
        "From the turn being given to a queued writer to that writer running again: the file is reserved but idle meanwhile.",
        tags: null, advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = Buckets });

    private readonly Lock _lock = new();
    private readonly LinkedList<Waiter> _waiting = new();
    private Lease? _holder;

    /// <summary>What a lease was taken for, which decides the events that end it.</summary>
    public enum Purpose
    {
        Transaction,
        Save,
        Statement,
    }

    /// <summary>The gate of the database file <paramref name="connection"/> opens; null for an in-memory database, which no other connection shares.</summary>
    public static SqliteWriteGate? For(DbConnection connection) =>
        connection is not SqliteConnection ? null : PerConnectionString.GetOrAdd(connection.ConnectionString, static text =>
        {
            var options = new SqliteConnectionStringBuilder(text);
            if (options.Mode == SqliteOpenMode.Memory || options.DataSource is not { Length: > 0 } file || file == ":memory:"
                || file.StartsWith("file::memory:", StringComparison.Ordinal))
                return null;
            return PerFile.GetOrAdd(Path.GetFullPath(file), static _ => new SqliteWriteGate());
        });

    /// <summary>How many writers wait for their turn (for tests).</summary>
    public int WaitingCount
    {
        get
        {
            lock (_lock)
                return _waiting.Count;
        }
    }

    /// <summary>Whether <paramref name="connection"/> holds the turn now.</summary>
    public bool IsHeldBy(DbConnection connection) => ReferenceEquals(Volatile.Read(ref _holder)?.Connection, connection);

    /// <summary>
    /// Waits for the turn and gives it to <paramref name="connection"/>; does nothing when that connection already has it.
    /// Turns are given in the order they were asked for. Waits at most the connection's own busy timeout, as SQLite
    /// would have, then fails as SQLite does.
    /// </summary>
    public async ValueTask EnterAsync(DbConnection connection, Purpose purpose, CancellationToken ct)
    {
        if (IsHeldBy(connection) || TryTake(connection, purpose) is not { } waiter)
            return;
        var waited = Stopwatch.StartNew();
        try
        {
            while (!waiter.Granted.Task.IsCompleted)
            {
                await Task.WhenAny(waiter.Granted.Task, Task.Delay(LookAgainAfter, ct));
                ct.ThrowIfCancellationRequested();
                if (!waiter.Granted.Task.IsCompleted)
                    StillWaiting(connection, waited);
            }
            Granted(waiter, waited);
        }
        catch
        {
            GiveUp(waiter);
            throw;
        }
    }

    /// <summary>The same for EF's synchronous calls.</summary>
    public void Enter(DbConnection connection, Purpose purpose)
    {
        if (IsHeldBy(connection) || TryTake(connection, purpose) is not { } waiter)
            return;
        var waited = Stopwatch.StartNew();
        try
        {
            while (!waiter.Granted.Task.Wait(LookAgainAfter))
                StillWaiting(connection, waited);
            Granted(waiter, waited);
        }
        catch
        {
            GiveUp(waiter);
            throw;
        }
    }

    /// <summary>Takes the turn if it is free (null), else joins the queue.</summary>
    private Waiter? TryTake(DbConnection connection, Purpose purpose)
    {
        lock (_lock)
        {
            if (_holder is null)
            {
                _holder = new Lease(connection, purpose);
                return null;
            }
            var waiter = new Waiter(new Lease(connection, purpose));
            waiter.Node = _waiting.AddLast(waiter);
            return waiter;
        }
    }

    private static void Granted(Waiter waiter, Stopwatch waited)
    {
        Waited.Record(waited.Elapsed.TotalSeconds);
        HandedOver.Record(Stopwatch.GetElapsedTime(waiter.Lease.Since).TotalSeconds);
    }

    private void StillWaiting(DbConnection connection, Stopwatch waited)
    {
        TakeOverAbandoned();
        if (connection is SqliteConnection { DefaultTimeout: > 0 } sqlite && waited.Elapsed.TotalSeconds > sqlite.DefaultTimeout)
            throw new SqliteException($"database is locked: other writers in this process held it for more than {sqlite.DefaultTimeout} s", raw.SQLITE_BUSY);
    }

    /// <summary>A waiter that stops waiting (cancelled, timed out) leaves the queue, or passes the turn on if it got it meanwhile.</summary>
    private void GiveUp(Waiter waiter)
    {
        lock (_lock)
        {
            if (waiter.Node?.List is not null)
            {
                _waiting.Remove(waiter.Node);
                return;
            }
        }
        Release(waiter.Lease);
    }

    /// <summary>The transaction the holder began has really begun: from now on, a holder outside any transaction has left.</summary>
    public void Began(DbConnection connection)
    {
        if (Volatile.Read(ref _holder) is { } lease && ReferenceEquals(lease.Connection, connection))
            lease.Began = true;
    }

    /// <summary>Ends <paramref name="connection"/>'s turn if it holds one taken for one of <paramref name="purposes"/>.</summary>
    public void Leave(DbConnection connection, params ReadOnlySpan<Purpose> purposes)
    {
        if (Volatile.Read(ref _holder) is not { } lease || !ReferenceEquals(lease.Connection, connection) || !purposes.Contains(lease.Purpose))
            return;
        Release(lease);
    }

    /// <summary>Ends <paramref name="connection"/>'s turn whatever it was taken for: it closed, so no transaction of it is open.</summary>
    public void LeaveAll(DbConnection connection) => Leave(connection, Purpose.Transaction, Purpose.Save, Purpose.Statement);

    /// <summary>Ends <paramref name="connection"/>'s turn if no transaction of it is open (a BEGIN that failed, a COMMIT that went through anyway).</summary>
    public void LeaveUnlessInTransaction(DbConnection connection)
    {
        if (Volatile.Read(ref _holder) is { } lease && ReferenceEquals(lease.Connection, connection) && !lease.InTransaction())
            Release(lease);
    }

    /// <summary>
    /// A holder that left without a word: a transaction that is no longer open, or a save or statement whose
    /// connection is closed. Taking over is never unsafe, only slower: SQLite's own lock still keeps two writers apart,
    /// so a turn taken from a holder that was in fact still busy costs a busy retry, not data.
    /// </summary>
    private void TakeOverAbandoned()
    {
        if (Volatile.Read(ref _holder) is not { } lease)
            return;
        var gone = lease.Purpose == Purpose.Transaction
            ? lease.Began && !lease.InTransaction()
            : lease.Connection.State != ConnectionState.Open;
        if (gone)
            Release(lease);
    }

    /// <summary>
    /// Gives the turn straight to the first in the queue, so nobody who arrives later can take it first. Only the lease
    /// that holds the turn gives it back, and only once: a holder taken over may still say it leaves.
    /// </summary>
    private void Release(Lease lease)
    {
        Waiter? next = null;
        lock (_lock)
        {
            if (!ReferenceEquals(_holder, lease))
                return;
            if (_waiting.First is { } first)
            {
                _waiting.RemoveFirst();
                next = first.Value;
                next.Lease.Since = Stopwatch.GetTimestamp();
                _holder = next.Lease;
            }
            else
            {
                _holder = null;
            }
        }
        Held.Record(Stopwatch.GetElapsedTime(lease.Since).TotalSeconds);
        next?.Granted.TrySetResult();
    }

    private sealed class Waiter(Lease lease)
    {
        public Lease Lease { get; } = lease;

        public LinkedListNode<Waiter>? Node { get; set; }

        // Continuations run on the thread pool, never inside the releaser's call.
        public TaskCompletionSource Granted { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Lease(DbConnection connection, Purpose purpose)
    {
        public DbConnection Connection { get; } = connection;

        public Purpose Purpose { get; } = purpose;

        public volatile bool Began;

        /// <summary>When it got the turn (<see cref="Stopwatch.GetTimestamp"/>); for a queued lease, re-set when it is handed the turn.</summary>
        public long Since = Stopwatch.GetTimestamp();

        /// <summary>
        /// SQLite's own answer: a connection in autocommit mode has no transaction open. The holder may close its
        /// connection between the state check and the call (the handle is then disposed): closed, it holds no
        /// transaction either. CI saw that race once in <c>ManyWritersAtOnce_AllLand</c>.
        /// </summary>
        public bool InTransaction()
        {
            if (Connection is not SqliteConnection { State: ConnectionState.Open, Handle: { } handle })
                return false;
            try
            {
                return raw.sqlite3_get_autocommit(handle) == 0;
            }
            catch (ObjectDisposedException)
            {
                return false;
            }
        }
    }
}
