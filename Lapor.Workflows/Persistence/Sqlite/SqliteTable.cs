using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Lapor.Workflows.History;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// One engine table as <see cref="SqliteRuntimeStore"/> reads and writes it: its columns, INSERT and DELETE, and an
/// UPDATE per set of changed columns, built once per model from EF's mapping (names, type mappings, converters).
/// </summary>
internal sealed class SqliteTable
{
    /// <summary>The rows an engine command writes itself; the others (host rows, task candidates) EF saves.</summary>
    private static readonly Type[] Written =
    [
        typeof(ProcessInstanceRow), typeof(ExecutionRow), typeof(TaskRow), typeof(VariableRow), typeof(JobRow),
        typeof(MessageSubscriptionRow), typeof(IncidentRow), typeof(HistoryChainRow), typeof(HistoryRecordRow), typeof(OpenHistoryRecordRow), typeof(HistoryTaskRow),
    ];

    /// <summary>Read by the store, saved by EF (a candidate's key comes from the database), or only looked up (a definition).</summary>
    private static readonly Type[] ReadOnly = [typeof(TaskCandidateRow), typeof(ProcessDefinitionRow)];

    private static readonly ConditionalWeakTable<IModel, Dictionary<Type, SqliteTable>> Cache = new();

    private readonly string _name;
    private readonly IReadOnlyList<SqliteColumn> _columns;
    private readonly Func<object> _create;
    private readonly Dictionary<ulong, SqliteStatement> _updates = [];
    private readonly SqliteStatement?[] _inserts = new SqliteStatement?[MostRowsPerInsert + 1];
    private readonly List<SqliteColumn> _inserted;
    private readonly Lock _updatesLock = new();

    private SqliteTable(IEntityType entity, ISqlGenerationHelper sql, bool written)
    {
        IsWritten = written;
        _create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(entity.ClrType), typeof(object))).Compile();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _name = sql.DelimitIdentifier(table.Name, table.Schema);
        var keys = entity.FindPrimaryKey()!.Properties;
        _columns = entity.GetProperties()
            .Select((p, i) => new SqliteColumn(p, sql.DelimitIdentifier(p.GetColumnName(table)!), keys.Contains(p), i))
            .ToList();
        if (_columns.Count > 64)
            throw new NotSupportedException($"{_name} has more than 64 columns; its UPDATE statements are keyed by a 64-bit column mask.");
        // In the key's own order, as EF expects key values.
        Keys = keys.Select(k => _columns.Single(c => c.Property == k)).ToList();
        // A key SQLite assigns (history's rowid) is left out: nothing of the engine reads it back.
        _inserted = _columns.Where(c => c.Property.ValueGenerated == ValueGenerated.Never).ToList();
        Insert = InsertOf(1);
        Delete = Where($"DELETE FROM {_name}", []);
    }

    /// <summary>
    /// Rows one INSERT takes at most (<see cref="InsertOf"/>): SQLite binds at most 32,766 parameters per statement, and
    /// 40 rows of history's 20 columns stay far below.
    /// </summary>
    public const int MostRowsPerInsert = 40;

    /// <summary>Whether the store writes this table's rows (otherwise EF does).</summary>
    public bool IsWritten { get; }

    /// <summary>The delimited table name.</summary>
    public string Name => _name;

    /// <summary>The primary key's columns.</summary>
    public IReadOnlyList<SqliteColumn> Keys { get; }

    public SqliteStatement Insert { get; }

    public SqliteStatement Delete { get; }

    public static Dictionary<Type, SqliteTable> For(DbContext db) =>
        Cache.GetValue(db.Model, model =>
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            return Written.Select(t => (Type: t, Written: true)).Concat(ReadOnly.Select(t => (Type: t, Written: false)))
                .Select(t => (Entity: model.FindEntityType(t.Type), t.Written)).Where(t => t.Entity is not null)
                .ToDictionary(t => t.Entity!.ClrType, t => new SqliteTable(t.Entity!, sql, t.Written));
        });

    /// <summary>The column named by <paramref name="property"/>.</summary>
    public SqliteColumn Column(string property) => _columns.Single(c => c.Property.Name == property);

    /// <summary>The columns for a SELECT, in the order <see cref="Read"/> takes them, qualified by <paramref name="alias"/>.</summary>
    public string SelectList(string alias) => string.Join(", ", _columns.Select(c => $"{alias}.{c.Name}"));

    /// <summary>The row whose columns start at <paramref name="offset"/>, or null when a LEFT JOIN found none; moves past its columns.</summary>
    public object? Read(SqliteDataReader reader, ref int offset)
    {
        var start = offset;
        offset += _columns.Count;
        if (reader.IsDBNull(start + Keys[0].Ordinal))
            return null;
        var row = _create();
        foreach (var column in _columns)
            column.Write(row, reader, start + column.Ordinal);
        return row;
    }

    /// <summary>One INSERT of <paramref name="rows"/> rows, their parameters row after row; built once per row count.</summary>
    public SqliteStatement InsertOf(int rows)
    {
        if (rows < 1 || rows >= _inserts.Length)
            throw new ArgumentOutOfRangeException(nameof(rows), rows, $"between 1 and {_inserts.Length - 1} rows per INSERT");
        if (Volatile.Read(ref _inserts[rows]) is { } built)
            return built;
        var width = _inserted.Count;
        var tuples = Enumerable.Range(0, rows).Select(r => $"({string.Join(", ", Enumerable.Range(0, width).Select(i => $"@p{r * width + i}"))})");
        var statement = new SqliteStatement(_name,
            $"INSERT INTO {_name} ({string.Join(", ", _inserted.Select(c => c.Name))}) VALUES {string.Join(", ", tuples)}",
            Enumerable.Range(0, rows).SelectMany(_ => _inserted.Select(c => new SqliteParameterSource(c, AsRead: false))).ToList());
        Volatile.Write(ref _inserts[rows], statement);
        return statement;
    }

    /// <summary>The UPDATE of exactly the columns <paramref name="isModified"/> says changed, or null when none did; an index on an unchanged column is left alone.</summary>
    public SqliteStatement? Update(Func<IProperty, bool> isModified)
    {
        var changed = _columns.Where(c => !c.IsKey && isModified(c.Property)).ToList();
        if (changed.Count == 0)
            return null;
        var signature = changed.Aggregate(0UL, (mask, c) => mask | 1UL << c.Ordinal);
        lock (_updatesLock)
        {
            if (!_updates.TryGetValue(signature, out var statement))
            {
                statement = Where($"UPDATE {_name} SET {string.Join(", ", changed.Select((c, i) => $"{c.Name} = @p{i}"))}",
                    changed.Select(c => new SqliteParameterSource(c, AsRead: false)).ToList());
                _updates[signature] = statement;
            }
            return statement;
        }
    }

    /// <summary>Appends the key and, as the command read them, the concurrency tokens: the checks EF would make.</summary>
    private SqliteStatement Where(string head, List<SqliteParameterSource> parameters)
    {
        var checks = _columns.Where(c => c.IsKey).Select(c => (Column: c, AsRead: false))
            .Concat(_columns.Where(c => !c.IsKey && c.Property.IsConcurrencyToken).Select(c => (Column: c, AsRead: true)));
        var conditions = new List<string>();
        foreach (var (column, asRead) in checks)
        {
            conditions.Add($"{column.Name} = @p{parameters.Count}");
            parameters.Add(new SqliteParameterSource(column, asRead));
        }
        // History rows (no key of their own here) are only ever inserted.
        return new SqliteStatement(_name, conditions.Count == 0 ? "" : $"{head} WHERE {string.Join(" AND ", conditions)}", parameters);
    }
}

/// <summary>A statement and what fills its parameters <c>@p0</c>, <c>@p1</c>…, in order.</summary>
internal sealed record SqliteStatement(string Table, string Sql, IReadOnlyList<SqliteParameterSource> Parameters)
{
    /// <summary>The column behind each parameter, in order.</summary>
    public IReadOnlyList<SqliteColumn> Columns { get; } = Parameters.Select(p => p.Column).ToList();
}

/// <summary>A column's value as the row holds it now, or (<paramref name="AsRead"/>) as the command read it.</summary>
internal sealed record SqliteParameterSource(SqliteColumn Column, bool AsRead);

internal sealed class SqliteColumn
{
    private readonly Func<object, object?> _get;
    private readonly Action<object, object?> _set;
    private readonly Type _stored;

    public SqliteColumn(IProperty property, string name, bool isKey, int ordinal)
    {
        Property = property;
        Name = name;
        IsKey = isKey;
        Ordinal = ordinal;
        Mapping = property.GetRelationalTypeMapping();
        // Read for every written row, so compiled once rather than through reflection each time.
        var row = Expression.Parameter(typeof(object), "row");
        var read = Expression.Property(Expression.Convert(row, property.DeclaringType.ClrType), property.PropertyInfo!);
        _get = Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), row).Compile();
        var value = Expression.Parameter(typeof(object), "value");
        _set = Expression.Lambda<Action<object, object?>>(Expression.Assign(read, Expression.Convert(value, property.ClrType)), row, value).Compile();
        var stored = Mapping.Converter?.ProviderClrType ?? Mapping.ClrType;
        _stored = Nullable.GetUnderlyingType(stored) ?? stored;
    }

    public IProperty Property { get; }

    /// <summary>The delimited column name.</summary>
    public string Name { get; }

    public bool IsKey { get; }

    /// <summary>Position among the table's written columns.</summary>
    public int Ordinal { get; }

    public RelationalTypeMapping Mapping { get; }

    public object? Read(object row) => _get(row);

    /// <summary>A property value as the column stores it (through EF's converter, as EF's parameter would).</summary>
    public object? Stored(object? value) => value is null || Mapping.Converter is null ? value : Mapping.Converter.ConvertToProvider(value);

    /// <summary>Sets the property from column <paramref name="index"/>, read as EF's SQLite provider reads it, through EF's converter.</summary>
    public void Write(object row, SqliteDataReader reader, int index)
    {
        object? stored = reader.IsDBNull(index) ? null
            : _stored == typeof(string) ? reader.GetString(index)
            : _stored == typeof(long) ? reader.GetInt64(index)
            : _stored == typeof(int) ? reader.GetInt32(index)
            : _stored == typeof(bool) ? reader.GetBoolean(index)
            : _stored == typeof(DateTime) ? reader.GetDateTime(index)
            : _stored == typeof(double) ? reader.GetDouble(index)
            : reader.GetValue(index);
        _set(row, stored is null || Mapping.Converter is null ? stored : Mapping.Converter.ConvertFromProvider(stored));
    }
}
