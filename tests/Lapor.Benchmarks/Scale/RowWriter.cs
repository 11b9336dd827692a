using System.Data.Common;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// Where the filler's rows go: SQLite gets prepared single-row INSERTs inside one long transaction per batch (the
/// fastest path it has); PostgreSQL gets one binary COPY per table per batch. Both write exactly the columns the
/// template rows were read with, so the app reads them as it reads its own.
/// </summary>
public abstract class RowWriter : IAsyncDisposable
{
    public abstract void Add(TableRows table, object[] row);

    /// <summary>Makes everything added so far durable.</summary>
    public abstract Task FlushAsync();

    public abstract ValueTask DisposeAsync();

    /// <summary>Per table, the columns an INSERT may name: not generated, not an identity/rowid key.</summary>
    public static async Task<Dictionary<string, string[]>> WritableColumnsAsync(DbConnection connection, bool postgres)
    {
        var columns = new Dictionary<string, string[]>();
        foreach (var (table, _) in TemplateRows.Sources)
        {
            await using var command = connection.CreateCommand();
            command.CommandText = postgres
                ? $"SELECT column_name FROM information_schema.columns WHERE table_schema = current_schema() AND table_name = '{table}' AND is_generated = 'NEVER' AND is_identity = 'NO' ORDER BY ordinal_position"
                : $"SELECT name FROM pragma_table_info('{table}') WHERE NOT (pk = 1 AND upper(type) = 'INTEGER') ORDER BY cid";
            var names = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
                names.Add(reader.GetString(0));
            columns[table] = names.ToArray();
        }
        return columns;
    }
}

public sealed class SqliteRowWriter(SqliteConnection connection) : RowWriter
{
    private readonly Dictionary<string, SqliteCommand> _inserts = [];
    private SqliteTransaction? _transaction;

    public override void Add(TableRows table, object[] row)
    {
        _transaction ??= connection.BeginTransaction();
        if (!_inserts.TryGetValue(table.Table, out var insert))
        {
            insert = connection.CreateCommand();
            insert.CommandText = $"INSERT INTO {table.Table} ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) "
                                 + $"VALUES ({string.Join(", ", table.Columns.Select((_, i) => $"$p{i}"))})";
            for (var i = 0; i < table.Columns.Length; i++)
                insert.Parameters.Add(new SqliteParameter($"$p{i}", null));
            _inserts[table.Table] = insert;
        }
        insert.Transaction = _transaction;
        for (var i = 0; i < row.Length; i++)
            insert.Parameters[i].Value = row[i];
        insert.ExecuteNonQuery();
    }

    public override async Task FlushAsync()
    {
        if (_transaction is null)
            return;
        await _transaction.CommitAsync();
        await _transaction.DisposeAsync();
        _transaction = null;
    }

    public override async ValueTask DisposeAsync()
    {
        await FlushAsync();
        foreach (var insert in _inserts.Values)
            await insert.DisposeAsync();
    }
}

public sealed class PostgresRowWriter(NpgsqlConnection connection) : RowWriter
{
    private readonly Dictionary<string, (TableRows Table, List<object[]> Rows)> _pending = [];

    public override void Add(TableRows table, object[] row)
    {
        if (!_pending.TryGetValue(table.Table, out var pending))
            _pending[table.Table] = pending = (table, []);
        pending.Rows.Add(row);
    }

    public override async Task FlushAsync()
    {
        // Parents before children, in the order the templates were read.
        foreach (var (name, _) in TemplateRows.Sources)
        {
            if (!_pending.TryGetValue(name, out var pending) || pending.Rows.Count == 0)
                continue;
            var table = pending.Table;
            await using var copy = await connection.BeginBinaryImportAsync(
                $"COPY {name} ({string.Join(", ", table.Columns.Select(c => $"\"{c}\""))}) FROM STDIN (FORMAT BINARY)");
            foreach (var row in pending.Rows)
            {
                await copy.StartRowAsync();
                for (var i = 0; i < row.Length; i++)
                {
                    if (row[i] is DBNull)
                        await copy.WriteNullAsync();
                    else
                        await copy.WriteAsync(row[i], table.Types[i]);
                }
            }
            await copy.CompleteAsync();
            pending.Rows.Clear();
        }
    }

    public override async ValueTask DisposeAsync() => await FlushAsync();
}
