using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace Lapor.Benchmarks;

/// <summary>
/// Sets <see cref="SqliteSettings.Synchronous"/> on the connections EF opens. The journal mode is stored in the file,
/// but synchronous is per connection and the connection string has no keyword for it, so this is the only way to
/// make the engine's setting explicit rather than a default. Register one instance for the whole provider.
/// </summary>
internal sealed class SynchronousInterceptor : DbConnectionInterceptor
{
    // Keyed by the native handle, which the pool hands from one SqliteConnection object to the next: the pragma sticks
    // to the physical connection, so setting it once per physical connection keeps it out of every command's time.
    private readonly ConditionalWeakTable<sqlite3, object> _configured = new();

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs statements synchronously anyway; an async call would only add a state machine.
        Apply(connection);
        return Task.CompletedTask;
    }

    private void Apply(DbConnection connection)
    {
        var handle = ((SqliteConnection)connection).Handle ?? throw new InvalidOperationException("The connection reports itself open but has no handle.");
        if (_configured.TryGetValue(handle, out _))
            return;
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSettings.SynchronousPragma;
        command.ExecuteNonQuery();
        _configured.AddOrUpdate(handle, handle);
    }
}
