using Microsoft.Data.Sqlite;

namespace Lapor.Benchmarks;

/// <summary>
/// The floor a command cannot go below on this disk: one transaction that writes one small row and commits, on a
/// connection opened once. Every engine command also ends in exactly one such commit, so the ratio says how much of
/// the engine's time is its own work on top of the durable write.
/// </summary>
internal sealed class PlainInsertBenchmark : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly SqliteCommand _insert;

    private PlainInsertBenchmark(SqliteConnection connection, SqliteCommand insert)
    {
        _connection = connection;
        _insert = insert;
    }

    public static async Task<PlainInsertBenchmark> CreateAsync(string path)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path }.ToString());
        await connection.OpenAsync();
        foreach (var sql in new[]
                 {
                     SqliteSettings.JournalModePragma,
                     SqliteSettings.SynchronousPragma,
                     "CREATE TABLE command_log (id TEXT NOT NULL PRIMARY KEY, instance_id TEXT NOT NULL, kind TEXT NOT NULL, actor TEXT, at TEXT NOT NULL);",
                 })
        {
            await using var setup = connection.CreateCommand();
            setup.CommandText = sql;
            await setup.ExecuteNonQueryAsync();
        }
        var insert = connection.CreateCommand();
        insert.CommandText = "INSERT INTO command_log (id, instance_id, kind, actor, at) VALUES ($id, $instance, $kind, $actor, $at);";
        foreach (var name in new[] { "$id", "$instance", "$kind", "$actor", "$at" })
            insert.Parameters.Add(new SqliteParameter { ParameterName = name });
        return new PlainInsertBenchmark(connection, insert);
    }

    public string SqliteVersion => _connection.ServerVersion;

    /// <summary>Runs <paramref name="commands"/> single-row transactions.</summary>
    public async Task RunAsync(int commands)
    {
        var instanceId = Guid.CreateVersion7().ToString();
        for (var i = 0; i < commands; i++)
        {
            await using var transaction = (SqliteTransaction)await _connection.BeginTransactionAsync();
            _insert.Transaction = transaction;
            _insert.Parameters["$id"].Value = Guid.CreateVersion7().ToString();
            _insert.Parameters["$instance"].Value = instanceId;
            _insert.Parameters["$kind"].Value = "complete";
            _insert.Parameters["$actor"].Value = "bench";
            _insert.Parameters["$at"].Value = DateTime.UtcNow;
            await _insert.ExecuteNonQueryAsync();
            await transaction.CommitAsync();
        }
    }

    public async Task<long> RowCountAsync()
    {
        await using var count = _connection.CreateCommand();
        count.CommandText = "SELECT count(*) FROM command_log;";
        return (long)(await count.ExecuteScalarAsync())!;
    }

    public Task<SqliteState> ReadSettingsAsync() => SqliteState.ReadAsync(_connection);

    public async ValueTask DisposeAsync()
    {
        await _insert.DisposeAsync();
        await _connection.DisposeAsync();
    }
}
