using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// The store's statements, compiled once per open connection: a <see cref="SqliteCommand"/> keeps its statement
/// compiled while its connection stays open and nothing expires it, and <see cref="KeptConnections"/> keeps the
/// connection open from one command to the next. A connection is used by one context at a time, so its commands need
/// no lock; when the connection was closed and opened again (a new native handle) its old commands are dropped.
/// </summary>
internal static class PreparedCommands
{
    private static readonly ConditionalWeakTable<SqliteConnection, Session> Sessions = new();

    /// <summary>The command for <paramref name="sql"/> on the transaction's connection, its parameters set to <paramref name="values"/> as EF binds them.</summary>
    public static SqliteCommand Get(SqliteTransaction transaction, string sql, IReadOnlyList<SqliteColumn> columns, IReadOnlyList<object?> values)
    {
        var connection = transaction.Connection!;
        var session = Sessions.GetValue(connection, _ => new Session());
        var commands = session.For(connection.Handle!);
        if (!commands.TryGetValue(sql, out var command))
        {
            command = connection.CreateCommand();
            command.CommandText = sql;
            // EF's own parameters (type, converter), so the stored bytes are what EF would store.
            for (var i = 0; i < values.Count; i++)
                command.Parameters.Add(columns[i].Mapping.CreateParameter(command, $"@p{i}", values[i], nullable: true));
            commands[sql] = command;
        }
        else
        {
            for (var i = 0; i < values.Count; i++)
                command.Parameters[i].Value = columns[i].Stored(values[i]) ?? DBNull.Value;
        }
        command.Transaction = transaction;
        return command;
    }

    /// <summary>The commands kept for <paramref name="connection"/> (for tests).</summary>
    public static IReadOnlyCollection<SqliteCommand> On(SqliteConnection connection) =>
        Sessions.TryGetValue(connection, out var session) ? session.Commands : [];

    private sealed class Session
    {
        private sqlite3? _handle;
        private readonly Dictionary<string, SqliteCommand> _commands = new(StringComparer.Ordinal);

        public IReadOnlyCollection<SqliteCommand> Commands => _commands.Values;

        public Dictionary<string, SqliteCommand> For(sqlite3 handle)
        {
            if (!ReferenceEquals(handle, _handle))
            {
                foreach (var command in _commands.Values)
                    command.Dispose();
                _commands.Clear();
                _handle = handle;
            }
            return _commands;
        }
    }
}
