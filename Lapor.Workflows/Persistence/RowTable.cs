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

    private static readonly ConditionalWeakTable<IModel, Dictionary<Type, RowTable>> Cache = new();

    private readonly string _table;
    private readonly ISqlGenerationHelper _sql;
    private readonly Dictionary<string, RowStatement> _updates = [];
    private readonly Lock _updatesLock = new();

    private RowTable(IEntityType entity, ISqlGenerationHelper sql)
    {
        _sql = sql;
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        _table = sql.DelimitIdentifier(table.Name, table.Schema);
        var keys = entity.FindPrimaryKey()!.Properties;
        Columns = entity.GetProperties()
            .Select(p => new RowColumn(p, sql.DelimitIdentifier(p.GetColumnName(table)!), keys.Contains(p)))
            .ToList();
        Insert = new RowStatement(_table,
            $"INSERT INTO {_table} ({string.Join(", ", Columns.Select(c => c.Name))}) VALUES ({string.Join(", ", Columns.Select((_, i) => $"@p{i}"))})",
            Columns.Select(c => new RowParameter(c, AsRead: false)).ToList());
        Delete = Where($"DELETE FROM {_table}", []);
    }

    public IReadOnlyList<RowColumn> Columns { get; }

    public RowStatement Insert { get; }

    public RowStatement Delete { get; }

    public static Dictionary<Type, RowTable> For(DbContext db) =>
        Cache.GetValue(db.Model, model =>
        {
            var sql = db.GetService<ISqlGenerationHelper>();
            return Written.Select(model.FindEntityType).OfType<IEntityType>().ToDictionary(e => e.ClrType, e => new RowTable(e, sql));
        });

    /// <summary>The UPDATE of exactly these columns, or null when none changed; only what changed is written, so an index on an unchanged column is left alone.</summary>
    public RowStatement? Update(IEnumerable<RowColumn> changed)
    {
        var set = changed.ToList();
        if (set.Count == 0)
            return null;
        var signature = string.Join(",", set.Select(c => c.Name));
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

    public RowColumn(IProperty property, string name, bool isKey)
    {
        Property = property;
        Name = name;
        IsKey = isKey;
        Mapping = property.GetRelationalTypeMapping();
        // Read for every written row, so compiled once rather than through reflection each time.
        var row = Expression.Parameter(typeof(object), "row");
        var read = Expression.Property(Expression.Convert(row, property.DeclaringType.ClrType), property.PropertyInfo!);
        _get = Expression.Lambda<Func<object, object?>>(Expression.Convert(read, typeof(object)), row).Compile();
    }

    public IProperty Property { get; }

    /// <summary>The delimited column name.</summary>
    public string Name { get; }

    public bool IsKey { get; }

    public RelationalTypeMapping Mapping { get; }

    public object? Read(object row) => _get(row);
}
