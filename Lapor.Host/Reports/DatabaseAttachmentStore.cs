using System.Data;
using System.Data.Common;
using Lapor.Host.Data;
using Lapor.Host.Data.Configurations;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Npgsql;
using NpgsqlTypes;

namespace Lapor.Host.Reports;

/// <summary>
/// Attachment bytes in the <c>attachment_content</c> table of the product database, so every host behind a load
/// balancer serves every file; the default on PostgreSQL. Content goes in through the DbContext's connection and
/// current transaction (a report that fails to commit takes its files with it) and is streamed both ways: Npgsql
/// sends a <see cref="Stream"/> parameter as it reads it and reads back with sequential access; SQLite writes into a
/// zeroblob through its incremental blob API.
/// </summary>
public sealed class DatabaseAttachmentStore(LaporDb db, FileAttachmentStore folder, TimeProvider clock) : IAttachmentStore
{
    private const string Table = AttachmentContentConfiguration.Table;

    public bool SavesInTransaction => true;

    public async Task SaveAsync(string storedName, Stream content, long length, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var insert = Command();
            insert.CommandText = $"INSERT INTO {Table} (stored_name, length, content, created_at) VALUES (@name, @length, "
                                 + (insert is SqliteCommand ? "zeroblob(@length), @at); SELECT last_insert_rowid();" : "@content, @at)");
            Add(insert, "name", storedName);
            Add(insert, "length", length);
            Add(insert, "at", clock.GetUtcNow().UtcDateTime);
            if (insert is NpgsqlCommand npgsql)
            {
                // Npgsql copies a seekable stream to the socket as it sends the command (uploads are seekable: buffered
                // by the form reader). Setting Size, or passing a stream that cannot seek, makes it buffer the whole.
                npgsql.Parameters.Add(new NpgsqlParameter("content", NpgsqlDbType.Bytea) { Value = content });
                await npgsql.ExecuteNonQueryAsync(ct);
                return;
            }
            var rowId = (long)(await insert.ExecuteScalarAsync(ct))!;
            using var blob = new SqliteBlob((SqliteConnection)insert.Connection!, Table, "content", rowId);
            await content.CopyToAsync(blob, ct);
            if (blob.Position != length)
                throw new InvalidOperationException($"Attachment '{storedName}' was {blob.Position} bytes, not the {length} announced.");
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    public async Task<Stream?> OpenAsync(string storedName, CancellationToken ct = default)
    {
        await db.Database.OpenConnectionAsync(ct);
        var kept = false;
        DbCommand? command = null;
        DbDataReader? reader = null;
        try
        {
            command = Command();
            var sqlite = command is SqliteCommand;
            command.CommandText = $"SELECT length, {(sqlite ? "rowid" : "content")} FROM {Table} WHERE stored_name = @name";
            Add(command, "name", storedName);
            reader = await command.ExecuteReaderAsync(sqlite ? CommandBehavior.Default : CommandBehavior.SequentialAccess, ct);
            if (!await reader.ReadAsync(ct))
                return await folder.OpenAsync(storedName, ct);
            var length = reader.GetInt64(0);
            Stream content;
            if (sqlite)
            {
                var rowId = reader.GetInt64(1);
                await reader.DisposeAsync();
                reader = null;
                content = new SqliteBlob((SqliteConnection)command.Connection!, Table, "content", rowId, readOnly: true);
            }
            else
            {
                // Sequential access: the column comes off the wire as the response is written, never whole in memory.
                content = reader.GetStream(1);
            }
            var (heldReader, heldCommand) = (reader, command);
            kept = true;
            return new ContentStream(content, length, async () =>
            {
                if (heldReader is not null)
                    await heldReader.DisposeAsync();
                await heldCommand.DisposeAsync();
                await db.Database.CloseConnectionAsync();
            });
        }
        finally
        {
            if (!kept)
            {
                if (reader is not null)
                    await reader.DisposeAsync();
                if (command is not null)
                    await command.DisposeAsync();
                await db.Database.CloseConnectionAsync();
            }
        }
    }

    public async Task DeleteAsync(string storedName, CancellationToken ct = default)
    {
        await db.Database.ExecuteSqlAsync($"DELETE FROM attachment_content WHERE stored_name = {storedName}", ct);
        // An attachment saved before the database store was chosen may still be in the folder.
        await folder.DeleteAsync(storedName, ct);
    }

    private DbCommand Command()
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = db.Database.CurrentTransaction?.GetDbTransaction();
        return command;
    }

    private static void Add(DbCommand command, string name, object value)
    {
        var parameter = command.CreateParameter();
        parameter.ParameterName = "@" + name;
        parameter.Value = value;
        command.Parameters.Add(parameter);
    }
}
