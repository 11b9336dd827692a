using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Benchmarks;

/// <summary>
/// Sets <see cref="SqliteSettings.Synchronous"/> on every connection EF opens. The journal mode is stored in the
/// file, but synchronous is per connection and the connection string has no keyword for it, so this is the only
/// way to make the engine's setting explicit rather than a default.
/// </summary>
internal sealed class SynchronousInterceptor : DbConnectionInterceptor
{
    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData) => Apply(connection);

    public override Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        // Microsoft.Data.Sqlite runs statements synchronously anyway; an async call would only add a state machine.
        Apply(connection);
        return Task.CompletedTask;
    }

    private static void Apply(DbConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = SqliteSettings.SynchronousPragma;
        command.ExecuteNonQuery();
    }
}
