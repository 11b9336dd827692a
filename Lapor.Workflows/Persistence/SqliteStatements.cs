using System.Globalization;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using SQLitePCL;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// The engine's own statements (its writes and the reads every command makes) compiled once per SQLite connection and kept with it. Microsoft.Data.Sqlite pools the
/// native connection (<see cref="sqlite3"/>) across <see cref="SqliteConnection"/> objects, so a statement prepared on
/// it stays valid from one engine command to the next; it runs in whatever transaction the connection has open.
/// Values are bound the way Microsoft.Data.Sqlite binds them, so rows written here are byte-for-byte the rows EF
/// would write (a test compares them).
/// </summary>
internal static class SqliteStatements
{
    // One cache per native connection. A native connection is used by one SqliteConnection, hence one thread, at a
    // time, so its cache needs no lock; it goes (and its statements are finalized) when the connection is collected.
    private static readonly ConditionalWeakTable<sqlite3, Dictionary<string, sqlite3_stmt>> Cache = new();

    /// <summary>
    /// How many times SQLite had to compile the kept statements of this connection again since they were prepared
    /// (<c>SQLITE_STMTSTATUS_REPREPARE</c>): zero unless something expired them, which would cost a compile per use.
    /// </summary>
    internal static (int Statements, long Recompiled) KeptOn(SqliteConnection connection)
    {
        if (connection.Handle is not { } db || !Cache.TryGetValue(db, out var statements))
            return (0, 0);
        const int reprepareCounter = 5;
        return (statements.Count, statements.Values.Sum(s => (long)raw.sqlite3_stmt_status(s, reprepareCounter, 0)));
    }

    public static int Execute(SqliteConnection connection, string sql, StatementValue[] values)
    {
        var (db, statement) = Prepare(connection, sql, values);
        try
        {
            var stepped = raw.sqlite3_step(statement);
            if (stepped != raw.SQLITE_DONE)
                throw Error(db, stepped);
            return raw.sqlite3_changes(db);
        }
        finally
        {
            Release(statement);
        }
    }

    /// <summary>Runs a query; <paramref name="read"/> turns the current result row into a <typeparamref name="T"/>.</summary>
    public static List<T> Query<T>(SqliteConnection connection, string sql, StatementValue[] values, Func<sqlite3_stmt, T> read)
    {
        var (db, statement) = Prepare(connection, sql, values);
        try
        {
            var rows = new List<T>();
            while (true)
            {
                var stepped = raw.sqlite3_step(statement);
                if (stepped == raw.SQLITE_DONE)
                    return rows;
                if (stepped != raw.SQLITE_ROW)
                    throw Error(db, stepped);
                rows.Add(read(statement));
            }
        }
        finally
        {
            Release(statement);
        }
    }

    /// <summary>A column of the current row as the CLR type EF stores it as (before EF's value converter).</summary>
    public static object? Column(sqlite3_stmt statement, int index, Type type)
    {
        if (raw.sqlite3_column_type(statement, index) == raw.SQLITE_NULL)
            return null;
        if (type == typeof(string))
            return raw.sqlite3_column_text(statement, index).utf8_to_string();
        if (type == typeof(long))
            return raw.sqlite3_column_int64(statement, index);
        if (type == typeof(int))
            return (int)raw.sqlite3_column_int64(statement, index);
        if (type == typeof(bool))
            return raw.sqlite3_column_int64(statement, index) != 0;
        if (type == typeof(short))
            return (short)raw.sqlite3_column_int64(statement, index);
        if (type == typeof(byte))
            return (byte)raw.sqlite3_column_int64(statement, index);
        if (type == typeof(double))
            return raw.sqlite3_column_double(statement, index);
        if (type == typeof(float))
            return (float)raw.sqlite3_column_double(statement, index);
        // As Microsoft.Data.Sqlite's GetDateTime reads text; the kind comes from EF's converter (UTC).
        if (type == typeof(DateTime))
            return DateTime.Parse(raw.sqlite3_column_text(statement, index).utf8_to_string(), CultureInfo.InvariantCulture);
        if (type == typeof(byte[]))
            return raw.sqlite3_column_blob(statement, index).ToArray();
        throw new NotSupportedException($"An engine row has a column of type {type.Name}, which SqliteStatements cannot read.");
    }

    private static (sqlite3 Db, sqlite3_stmt Statement) Prepare(SqliteConnection connection, string sql, StatementValue[] values)
    {
        var db = connection.Handle ?? throw new InvalidOperationException("The SQLite connection is not open.");
        var statements = Cache.GetOrCreateValue(db);
        if (!statements.TryGetValue(sql, out var statement))
        {
            var prepared = raw.sqlite3_prepare_v3(db, sql, raw.SQLITE_PREPARE_PERSISTENT, out statement, out _);
            if (prepared != raw.SQLITE_OK)
                throw Error(db, prepared);
            statements[sql] = statement;
        }
        try
        {
            for (var i = 0; i < values.Length; i++)
            {
                var value = values[i].Value;
                var converter = values[i].Mapping.Converter;
                Bind(statement, i + 1, value is null || converter is null ? value : converter.ConvertToProvider(value));
            }
        }
        catch
        {
            Release(statement);
            throw;
        }
        return (db, statement);
    }

    private static void Release(sqlite3_stmt statement)
    {
        raw.sqlite3_reset(statement);
        raw.sqlite3_clear_bindings(statement);
    }

    /// <summary>Binds as Microsoft.Data.Sqlite's value binder does for the types the engine's rows use.</summary>
    private static void Bind(sqlite3_stmt statement, int index, object? value)
    {
        var bound = value switch
        {
            null or DBNull => raw.sqlite3_bind_null(statement, index),
            string text => raw.sqlite3_bind_text(statement, index, text),
            bool flag => raw.sqlite3_bind_int64(statement, index, flag ? 1 : 0),
            int number => raw.sqlite3_bind_int64(statement, index, number),
            long number => raw.sqlite3_bind_int64(statement, index, number),
            short number => raw.sqlite3_bind_int64(statement, index, number),
            byte number => raw.sqlite3_bind_int64(statement, index, number),
            double real => raw.sqlite3_bind_double(statement, index, real),
            float real => raw.sqlite3_bind_double(statement, index, real),
            DateTime time => raw.sqlite3_bind_text(statement, index, time.ToString(@"yyyy\-MM\-dd HH\:mm\:ss.FFFFFFF", CultureInfo.InvariantCulture)),
            // An empty span would bind as NULL; an empty value is a value (a history row's hash inside a command).
            byte[] { Length: 0 } => raw.sqlite3_bind_zeroblob(statement, index, 0),
            byte[] bytes => raw.sqlite3_bind_blob(statement, index, bytes),
            _ => throw new NotSupportedException($"An engine row has a value of type {value.GetType().Name}, which SqliteStatements cannot bind."),
        };
        if (bound != raw.SQLITE_OK)
            throw new InvalidOperationException($"SQLite refused parameter {index} (code {bound}).");
    }

    private static SqliteException Error(sqlite3 db, int code) =>
        new(raw.sqlite3_errmsg(db).utf8_to_string(), code, raw.sqlite3_extended_errcode(db));
}
