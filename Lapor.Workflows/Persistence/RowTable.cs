using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// One runtime table as <see cref="RuntimeRowWriter"/> writes it: its INSERT and DELETE, and an UPDATE per set of
/// changed columns, built once per model (so per provider) from EF's mapping: table and column names, type mappings
/// and value converters.
/// </summary>
internal sealed class RowTable
{
    /// <summary>The rows the engine writes itself; every one has a key the engine chooses.</summary>
    private static readonly Type[] Written =
    [
        typeof(ProcessInstanceRow), typeof(ExecutionRow), typeof(TaskRow), typeof(VariableRow), typeof(JobRow),
        typeof(MessageSubscriptionRow), typeof(IncidentRow),
    ];

    /// <summary>Rows the engine also reads itself (<see cref="SqliteRowReader"/>) but leaves to EF or its own statements to write.</summary>
    private static readonly Type[] ReadOnly = [typeof(TaskCandidateRow), typeof(History.HistoryChainRow)];

    private static readonly ConditionalWeakTable<IModel, Dictionary<Type, RowTable>> Cache = new();

    private readonly string _table;
    private readonly ISqlGenerationHelper _sql;
    private readonly Dictionary<ulong, RowStatement> _updates = [];
    private readonly Lock _updatesLock = new();
    private readonly Func<object> _create;

    private RowTable(IEntityType entity, ISqlGenerationHelper sql, bool written)
    {
        _sql = sql;
        IsWritten = written;
        _create = Expression.Lambda<Func<object>>(Expression.Convert(Expression.New(entity.ClrType), typeof(object))).Compile();
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _table = sql.DelimitIdentifier(table.Name, table.Schema);
        var keys = entity.FindPrimaryKey()!.Properties;
        Columns = entity.GetProperties()
            .Select((p, i) => new RowColumn(p, sql.DelimitIdentifier(p.GetColumnName(table)!), keys.Contains(p), i))
            .ToList();
        if (Columns.Count > 64)
            throw new NotSupportedException($"{_table} has more than 64 columns; RowTable keys its UPDATE statements by a 64-bit column mask.");
        // In the key's own order, as EF expects key values.
        KeyIndexes = keys.Select(k => Columns.Single(c => c.Property == k).Ordinal).ToArray();
        Insert = new RowStatement(_table,
            $"INSERT INTO {_table} ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})",
            Columns.Select(c => new RowParameter(c, AsRead: false)).ToList());
        Delete = Where($"DELETE FROM {_table}", []);
    }

    public IReadOnlyList<RowColumn> Columns { get; }

    /// <summary>Positions of the key columns in <see cref="Columns"/>.</summary>
    public int[] KeyIndexes { get; }

    /// <summary>Whether <see cref="RuntimeRowWriter"/> writes this table's rows (otherwise EF does).</summary>
    public bool IsWritten { get; }

    /// <summary>The delimited table name.</summary>
    public string Name => _table;

    /// <summary>The columns for a SELECT, in <see cref="Columns"/> order, qualified by <paramref name="alias"/>.</summary>
    public string SelectList(string alias) => string.Join(", ", Columns.Select(c => $"{alias}.{c.Name}"));

    /// <summary>A new, untracked entity with the column values of <paramref name="read"/> from <paramref name="offset"/> on.</summary>
    public object Create(Func<RowColumn, int, object?> read, int offset)
    {
        var row = _create();
        for (var i = 0; i < Columns.Count; i++)
            Columns[i].Write(row, read(Columns[i], offset + i));
        return row;
    }

    public RowStatement Insert { get; }

    public RowStatement Delete { get; }

    public static Dictionary<Type, RowTable> For(DbContext db) =>
        Cache.GetValue(db.Model, model =>
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            return Written.Select(t => (Type: t, Written: true)).Concat(ReadOnly.Select(t => (Type: t, Written: false)))
                .Select(t => (Entity: model.FindEntityType(t.Type), t.Written)).Where(t => t.Entity is not null)
                .ToDictionary(t => t.Entity!.ClrType, t => new RowTable(t.Entity!, sql, t.Written));
        });

    /// <summary>The UPDATE of exactly these columns, or null when none changed; only what changed is written, so an index on an unchanged column is left alone.</summary>
    public RowStatement? Update(IEnumerable<RowColumn> changed)
    {
        var set = changed.ToList();
        if (set.Count == 0)
            return null;
        // Which columns changed, one bit per column (runtime tables have far fewer than 64).
        var signature = set.Aggregate(0UL, (mask, c) => mask | 1UL << c.Ordinal);
        lock (_updatesLock)
        {
            if (!_updates.TryGetValue(signature, out var statement))
            {
                statement = Where($"UPDATE {_table} SET {string.Join(", ", set.Select((c, i) => $"{c.Name} = @p{i}"))}",
                    set.Select(c => new RowParameter(c, AsRead: false)).ToList());
                _updates[signature] = statement;
            }
            return statement;
        }
    }

    /// <summary>Appends the key and, as the command read them, the concurrency tokens: the checks EF would make.</summary>
    private RowStatement Where(string head, List<RowParameter> parameters)
    {
        var conditions = new List<string>();
        foreach (var column in Columns.Where(c => c.IsKey))
        {
            conditions.Add($"{column.Name} = @p{parameters.Count}");
            parameters.Add(new RowParameter(column, AsRead: false));
        }
        foreach (var column in Columns.Where(c => !c.IsKey && c.Property.IsConcurrencyToken))
        {
            conditions.Add($"{column.Name} = @p{parameters.Count}");
            parameters.Add(new RowParameter(column, AsRead: true));
        }
        return new RowStatement(_table, $"{head} WHERE {string.Join(" AND ", conditions)}", parameters);
    }
}

/// <summary>A statement and what fills its parameters <c>@p0</c>, <c>@p1</c>…, in order.</summary>
internal sealed record RowStatement(string Table, string Sql, IReadOnlyList<RowParameter> Parameters);

/// <summary>A column's value as the row holds it now, or (<paramref name="AsRead"/>) as the command read it.</summary>
internal sealed record RowParameter(RowColumn Column, bool AsRead);

internal sealed class RowColumn
{
    private readonly Func<object, object?> _get;
    private readonly Action<object, object?> _set;

    public RowColumn(IProperty property, string name, bool isKey, int ordinal)
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
        var assign = Expression.Assign(Expression.Property(Expression.Convert(row, property.DeclaringType.ClrType), property.PropertyInfo!),
            Expression.Convert(value, property.ClrType));
        _set = Expression.Lambda<Action<object, object?>>(assign, row, value).Compile();
        var provider = Mapping.Converter?.ProviderClrType ?? Mapping.ClrType;
        ProviderType = Nullable.GetUnderlyingType(provider) ?? provider;
    }

    /// <summary>The CLR type of the stored value (after the converter), without Nullable.</summary>
    public Type ProviderType { get; }

    /// <summary>Sets the property from a stored value, through EF's value converter if the property has one.</summary>
    public void Write(object row, object? stored)
    {
        var value = stored is null || Mapping.Converter is null ? stored : Mapping.Converter.ConvertFromProvider(stored);
        _set(row, value);
    }

    public IProperty Property { get; }

    /// <summary>The delimited column name.</summary>
    public string Name { get; }

    public bool IsKey { get; }

    /// <summary>Position in <see cref="RowTable.Columns"/>.</summary>
    public int Ordinal { get; }

    public RelationalTypeMapping Mapping { get; }

    public object? Read(object row) => _get(row);
}
