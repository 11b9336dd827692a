using System.Data.Common;
using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Host.Infrastructure;

/// <summary>
/// Sets a SQLite connection's page cache (<see cref="LaporOptions.DatabaseSettings.SqliteCacheMegabytes"/>) once per
/// connection SQLite opens. EF opens a pooled connection for almost every query; the settings belong to the
/// native connection underneath, which the pool keeps, so each one is set the first time it is seen and never again.
/// </summary>
/// <remarks>
/// At a million reports the officer's inbox reads the same few thousand task rows several times per page; with SQLite's
/// default 2 MB cache each read copied them in again from the operating system: 16 MB took the officer's first page
/// from 55 to 37 ms on average (docs/benchmarks.md, scale). A memory map (<c>mmap_size</c>) was tried too and gained
/// nothing over the cache.
/// </remarks>
public sealed class SqliteReadSettings(int cacheMegabytes) : DbConnectionInterceptor
{
    private readonly ConditionalWeakTable<object, object> _seen = new();

    // Negative: a size in KiB rather than a number of pages.
    private string Pragma => string.Create(CultureInfo.InvariantCulture, $"PRAGMA cache_size={-(long)cacheMegabytes * 1024};");

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (IsNew(connection))
            Command(connection).ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (IsNew(connection))
        {
            await using var command = Command(connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool IsNew(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _seen.TryAdd(handle, handle);

    private DbCommand Command(DbConnection connection)
    {
        var command = connection.CreateCommand();
        command.CommandText = Pragma;
        return command;
    }
}
