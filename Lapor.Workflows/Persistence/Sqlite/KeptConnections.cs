using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using SQLitePCL;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// Open SQLite connections kept between engine commands (decision 025), so that the statements
/// <see cref="PreparedCommands"/> compiled on them stay compiled. EF registers its SQL functions on every connection
/// it creates, and Microsoft.Data.Sqlite registers them again on every open, which makes SQLite expire every statement
/// compiled on that native connection; a kept connection was opened once. A connection is either here, idle, or with
/// exactly one context (<see cref="KeptConnectionLease"/>); only one that is open with no transaction pending comes
/// back, any other is disposed.
/// <para>
/// Only for a database file with pooling on: a connection string that turns pooling off (the backup check, whose file
/// a restore then copies) or an in-memory database (whose contents would outlive the context) gets EF's usual
/// connections. Like Microsoft.Data.Sqlite's pool, idle connections hold the file open: code that moves or replaces
/// the file in a running process closes them first (<see cref="WorkflowSqlite.CloseIdleConnections"/>, beside
/// <see cref="SqliteConnection.ClearAllPools"/>); connections idle for <see cref="IdleLifetime"/> are closed anyway.
/// </para>
/// </summary>
internal static class KeptConnections
{
    /// <summary>Idle connections kept per connection string; more than the requests that run at once gain nothing.</summary>
    private static readonly int MostIdle = Math.Max(4, 2 * Environment.ProcessorCount);

    private static readonly TimeSpan IdleLifetime = TimeSpan.FromSeconds(30);

    private static readonly ConcurrentDictionary<string, bool> Kept = new(StringComparer.Ordinal);
    // Each shelf oldest first, under its own lock: the sweep takes out only the old connections, so a command that comes
    // during it still finds the young ones (a stack emptied and refilled by the sweep made it open a new connection).
    private static readonly ConcurrentDictionary<string, List<Idle>> Shelves = new(StringComparer.Ordinal);
    private static readonly Timer Sweeper = new(_ => Close(connectionString: null, olderThan: IdleLifetime), null, IdleLifetime, IdleLifetime);

    private sealed record Idle(SqliteConnection Connection, long Since);

    /// <summary>Whether connections to <paramref name="connectionString"/> are kept: a database file, pooling on.</summary>
    public static bool Keeps(string connectionString) => Kept.GetOrAdd(connectionString, static text =>
    {
        var options = new SqliteConnectionStringBuilder(text);
        return options.Pooling && options.Mode != SqliteOpenMode.Memory && options.DataSource is { Length: > 0 } file
               && file != ":memory:" && !file.StartsWith("file::memory:", StringComparison.Ordinal);
    });

    /// <summary>An idle open connection, or a new closed one with EF's SQL functions registered.</summary>
    public static SqliteConnection Take(string connectionString)
    {
        if (Shelves.TryGetValue(connectionString, out var shelf))
        {
            lock (shelf)
            {
                if (shelf.Count > 0)
                {
                    // The most recently used first: its statements and pages are the likeliest to be warm.
                    var idle = shelf[^1];
                    shelf.RemoveAt(shelf.Count - 1);
                    return idle.Connection;
                }
            }
        }
        var connection = new SqliteConnection(connectionString);
        // EF's SQLite provider registers its functions (regexp, the ef_* decimal helpers) on a connection handed to a
        // context in its options; this context does only that, and leaves the connection, which it does not own, alone.
        using var registrar = new DbContext(new DbContextOptionsBuilder().UseSqlite(connection).Options);
        registrar.Database.GetDbConnection();
        return connection;
    }

    /// <summary>Shelves <paramref name="connection"/> if it is open with no transaction pending and the shelf has room; disposes it otherwise.</summary>
    public static void Return(SqliteConnection connection)
    {
        if (connection is not { State: System.Data.ConnectionState.Open, Handle: { } handle })
        {
            connection.Dispose();
            return;
        }
        if (raw.sqlite3_get_autocommit(handle) == 0)
        {
            // Left in a transaction by someone else's statement: neither kept nor handed back to Microsoft.Data.Sqlite's
            // pool (which would hand it, lock and all, to the next open); clearing the pool makes the close a real one.
            SqliteConnection.ClearPool(connection);
            connection.Dispose();
            return;
        }
        var shelf = Shelves.GetOrAdd(connection.ConnectionString, _ => []);
        lock (shelf)
        {
            if (shelf.Count < MostIdle)
            {
                shelf.Add(new Idle(connection, Environment.TickCount64));
                return;
            }
        }
        connection.Dispose();
    }

    /// <summary>
    /// Closes the idle connections (to <paramref name="connectionString"/>, or all; those idle longer than
    /// <paramref name="olderThan"/>, or all); connections in use stay with their contexts.
    /// </summary>
    public static void Close(string? connectionString, TimeSpan? olderThan = null)
    {
        var now = Environment.TickCount64;
        foreach (var (key, shelf) in Shelves)
        {
            if (connectionString is not null && key != connectionString)
                continue;
            List<Idle> closing;
            lock (shelf)
            {
                closing = shelf.Where(idle => olderThan is not { } age || now - idle.Since >= age.TotalMilliseconds).ToList();
                shelf.RemoveAll(closing.Contains);
            }
            foreach (var idle in closing)
                idle.Connection.Dispose();
        }
    }

    /// <summary>The number of idle connections kept for <paramref name="connectionString"/>.</summary>
    public static int IdleCount(string connectionString)
    {
        if (!Shelves.TryGetValue(connectionString, out var shelf))
            return 0;
        lock (shelf)
            return shelf.Count;
    }
}
