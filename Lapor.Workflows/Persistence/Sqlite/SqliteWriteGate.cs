using System.Collections.Concurrent;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// One writer at a time per SQLite database file, the others waiting their turn in this process (decision 032).
/// SQLite allows one write transaction per file; a second connection that tries to write meanwhile gets SQLITE_BUSY,
/// and Microsoft.Data.Sqlite answers that by sleeping and retrying until its timeout, so under load writers slept in
/// turns of a tenth of a second while the file was free, and a submission's p99 reached seconds. Here a writer that
/// finds the file taken waits on a semaphore and starts the moment the holder commits or rolls back.
/// <para>
/// A <see cref="Lease"/> is held by one connection: from the start of a transaction to its end, or around one
/// save or statement that runs without a transaction. Whatever else that same connection writes meanwhile passes (it
/// is the holder). A transaction disposed without commit or rollback raises no event; a waiter notices that the
/// holder's connection is no longer in a transaction and takes the turn over.
/// </para>
/// </summary>
internal sealed class SqliteWriteGate
{
    /// <summary>How often a waiter looks whether the holder's transaction ended without saying so.</summary>
    private static readonly TimeSpan LookAgainAfter = TimeSpan.FromMilliseconds(100);

    private static readonly ConcurrentDictionary<string, SqliteWriteGate?> PerConnectionString = new(StringComparer.Ordinal);
    private static readonly ConcurrentDictionary<string, SqliteWriteGate> PerFile = new(StringComparer.Ordinal);

    private readonly SemaphoreSlim _turn = new(1, 1);
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

    /// <summary>Whether <paramref name="connection"/> holds the turn now.</summary>
    public bool IsHeldBy(DbConnection connection) => ReferenceEquals(Volatile.Read(ref _holder)?.Connection, connection);

    /// <summary>
    /// Waits for the turn and gives it to <paramref name="connection"/>; does nothing when that connection already has it.
    /// Waits at most the connection's own busy timeout, as SQLite would have, then fails as SQLite does.
    /// </summary>
    public async ValueTask EnterAsync(DbConnection connection, Purpose purpose, CancellationToken ct)
    {
        if (IsHeldBy(connection))
            return;
        var waited = Stopwatch.StartNew();
        while (!await _turn.WaitAsync(LookAgainAfter, ct))
            StillWaiting(connection, waited);
        Volatile.Write(ref _holder, new Lease(connection, purpose));
    }

    /// <summary>The same for EF's synchronous calls.</summary>
    public void Enter(DbConnection connection, Purpose purpose)
    {
        if (IsHeldBy(connection))
            return;
        var waited = Stopwatch.StartNew();
        while (!_turn.Wait(LookAgainAfter))
            StillWaiting(connection, waited);
        Volatile.Write(ref _holder, new Lease(connection, purpose));
    }

    private void StillWaiting(DbConnection connection, Stopwatch waited)
    {
        TakeOverAbandoned();
        if (connection is SqliteConnection { DefaultTimeout: > 0 } sqlite && waited.Elapsed.TotalSeconds > sqlite.DefaultTimeout)
            throw new SqliteException($"database is locked: another writer in this process held it for more than {sqlite.DefaultTimeout} s", raw.SQLITE_BUSY);
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

    private void TakeOverAbandoned()
    {
        if (Volatile.Read(ref _holder) is { Purpose: Purpose.Transaction, Began: true } lease && !lease.InTransaction())
            Release(lease);
    }

    private void Release(Lease lease)
    {
        // Only the lease that holds the turn gives it back, and only once: a holder taken over may still say it leaves.
        if (ReferenceEquals(Interlocked.CompareExchange(ref _holder, null, lease), lease))
            _turn.Release();
    }

    private sealed class Lease(DbConnection connection, Purpose purpose)
    {
        public DbConnection Connection { get; } = connection;

        public Purpose Purpose { get; } = purpose;

        public volatile bool Began;

        /// <summary>SQLite's own answer: a connection in autocommit mode has no transaction open.</summary>
        public bool InTransaction() =>
            Connection is SqliteConnection { State: ConnectionState.Open, Handle: { } handle } && raw.sqlite3_get_autocommit(handle) == 0;
    }
}
