using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// One DI scope's kept SQLite connection (<see cref="KeptConnections"/>): before the scope's first engine command the
/// context gets a kept connection through EF's public <c>SetDbConnection</c> (the context does not own it, so EF
/// neither closes nor disposes it), and when the scope ends the connection goes back and the context gets its
/// connection string again. Does nothing on PostgreSQL, inside a transaction the caller opened, on a connection the
/// caller opened, or for a connection string <see cref="KeptConnections.Keeps"/> declines.
/// </summary>
internal sealed class KeptConnectionLease : IAsyncDisposable, IDisposable
{
    private DbContext? _db;
    private SqliteConnection? _connection;
    private string? _connectionString;

    public async Task UseAsync(DbContext db, CancellationToken ct)
    {
        if (_connection is not null || db.Database.CurrentTransaction is not null || !SqliteModels.IsSqlite(db))
            return;
        if (db.Database.GetConnectionString() is not { } connectionString || !KeptConnections.Keeps(connectionString)
            || db.Database.GetDbConnection().State != System.Data.ConnectionState.Closed)
            return;
        var connection = KeptConnections.Take(connectionString);
        db.Database.SetDbConnection(connection, contextOwnsConnection: false);
        (_db, _connection, _connectionString) = (db, connection, connectionString);
        // Opened through EF the first time, so the context's connection interceptors see it as any other open.
        if (connection.State != System.Data.ConnectionState.Open)
            await db.Database.OpenConnectionAsync(ct);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }

    /// <summary>
    /// Giving the connection back does no I/O, so a scope disposed synchronously (<c>using var scope =
    /// CreateScope()</c>, as background jobs and tests write it) returns it the same way; DI refuses to dispose a
    /// scope synchronously when a service in it is only asynchronously disposable.
    /// </summary>
    public void Dispose()
    {
        if (_connection is null)
            return;
        // A pooled context must not take the connection back into the pool with it. Without a connection, owning the
        // next one, and with its connection string, it creates its own on its next use as EF always does (functions
        // registered, closed and disposed by EF).
        if (ReferenceEquals(_db!.Database.GetDbConnection(), _connection))
        {
            _db.Database.SetDbConnection(null, contextOwnsConnection: true);
            _db.Database.SetConnectionString(_connectionString);
        }
        KeptConnections.Return(_connection);
        _connection = null;
    }
}
