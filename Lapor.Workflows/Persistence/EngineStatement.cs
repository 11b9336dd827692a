using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Workflows.Persistence;

/// <summary>A statement parameter: its value as the entity holds it, and the mapping that turns it into a column value.</summary>
internal readonly record struct StatementValue(RelationalTypeMapping Mapping, object? Value);

/// <summary>
/// Runs the engine's own write statements (runtime rows, history rows, chain heads) inside the command's transaction
/// and returns the number of rows changed. Parameters are positional: the SQL names them <c>@p0</c>, <c>@p1</c>…
/// <para>
/// On SQLite a statement is compiled once per connection and kept (<see cref="SqliteStatements"/>): Microsoft.Data.Sqlite
/// compiles a command's text anew every time (dotnet/efcore#14044), and for these statements compiling cost several
/// times what running them does. Other providers get a plain ADO.NET command with parameters from EF's type mappings.
/// </para>
/// </summary>
internal static class EngineStatement
{
    public static async Task<int> ExecuteAsync(DbTransaction transaction, string sql, StatementValue[] values, CancellationToken ct)
    {
        var connection = transaction.Connection ?? throw new InvalidOperationException("The command's transaction has already ended.");
        if (connection is SqliteConnection sqlite)
            return SqliteStatements.Execute(sqlite, sql, values);
        await using var command = connection.CreateCommand();
        command.Transaction = transaction;
        command.CommandText = sql;
        for (var i = 0; i < values.Length; i++)
            command.Parameters.Add(values[i].Mapping.CreateParameter(command, $"@p{i}", values[i].Value, nullable: true));
        return await command.ExecuteNonQueryAsync(ct);
    }
}
