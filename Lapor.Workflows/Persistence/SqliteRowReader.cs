using System.Runtime.CompilerServices;
using Lapor.Workflows.History;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using SQLitePCL;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// The reads every engine command makes (its task with instance and chain head, the task's candidates, the
/// instance's executions and variables), on SQLite through statements kept compiled with the connection
/// (<see cref="SqliteStatements"/>) instead of EF queries, whose SQL SQLite would compile again on every command.
/// Rows are materialized from EF's mapping (<see cref="RowTable"/>) and handed to EF's change tracker as EF's own
/// tracking query would: a row the context already tracks is returned as tracked, a new one is attached unchanged.
/// </summary>
internal sealed class SqliteRowReader
{
    private static readonly ConditionalWeakTable<IModel, SqliteRowReader> Cache = new();

    private readonly RowTable _task;
    private readonly RowTable _instance;
    private readonly RowTable _head;
    private readonly RowTable _candidate;
    private readonly RowTable _execution;
    private readonly RowTable _variable;
    private readonly string _taskWithInstance;
    private readonly string _instanceWithHead;
    private readonly string _candidates;
    private readonly string _executions;
    private readonly string _variables;
    private readonly string _latestDefinition;
    private readonly string _definition;
    private readonly RelationalTypeMapping _definitionKey;

    private SqliteRowReader(DbContext db)
    {
        var tables = RowTable.For(db);
        (_task, _instance, _head, _candidate, _execution, _variable) = (tables[typeof(TaskRow)], tables[typeof(ProcessInstanceRow)],
            tables[typeof(HistoryChainRow)], tables[typeof(TaskCandidateRow)], tables[typeof(ExecutionRow)], tables[typeof(VariableRow)]);
        string Column(RowTable table, string property) => table.Columns.Single(c => c.Property.Name == property).Name;
        _taskWithInstance =
            $"SELECT {_task.SelectList("t")}, {_instance.SelectList("i")}, {_head.SelectList("h")} FROM {_task.Name} AS t " +
            $"LEFT JOIN {_instance.Name} AS i ON i.{Column(_instance, nameof(ProcessInstanceRow.Id))} = t.{Column(_task, nameof(TaskRow.InstanceId))} " +
            $"LEFT JOIN {_head.Name} AS h ON h.{Column(_head, nameof(HistoryChainRow.ChainId))} = t.{Column(_task, nameof(TaskRow.InstanceId))} " +
            $"WHERE t.{Column(_task, nameof(TaskRow.Id))} = @p0";
        _instanceWithHead =
            $"SELECT {_instance.SelectList("i")}, {_head.SelectList("h")} FROM {_instance.Name} AS i " +
            $"LEFT JOIN {_head.Name} AS h ON h.{Column(_head, nameof(HistoryChainRow.ChainId))} = i.{Column(_instance, nameof(ProcessInstanceRow.Id))} " +
            $"WHERE i.{Column(_instance, nameof(ProcessInstanceRow.Id))} = @p0";
        _candidates = $"SELECT {_candidate.SelectList("c")} FROM {_candidate.Name} AS c WHERE c.{Column(_candidate, nameof(TaskCandidateRow.TaskId))} = @p0";
        _executions = $"SELECT {_execution.SelectList("e")} FROM {_execution.Name} AS e WHERE e.{Column(_execution, nameof(ExecutionRow.InstanceId))} = @p0";
        _variables = $"SELECT {_variable.SelectList("v")} FROM {_variable.Name} AS v WHERE v.{Column(_variable, nameof(VariableRow.InstanceId))} = @p0";
        // A start needs only which definition; the XML comes parsed from the definition cache.
        var definition = db.Model.FindEntityType(typeof(ProcessDefinitionRow))!;
        var table = StoreObjectIdentifier.Table(definition.GetTableName()!, definition.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        string DefinitionColumn(string property) => sql.DelimitIdentifier(definition.FindProperty(property)!.GetColumnName(table)!);
        var (id, key, version) = (DefinitionColumn(nameof(ProcessDefinitionRow.Id)), DefinitionColumn(nameof(ProcessDefinitionRow.Key)),
            DefinitionColumn(nameof(ProcessDefinitionRow.Version)));
        var name = sql.DelimitIdentifier(table.Name, table.Schema);
        _latestDefinition = $"SELECT {id}, {key} FROM {name} WHERE {key} = @p0 ORDER BY {version} DESC LIMIT 1";
        _definition = $"SELECT {id}, {key} FROM {name} WHERE {id} = @p0";
        _definitionKey = definition.FindProperty(nameof(ProcessDefinitionRow.Key))!.GetRelationalTypeMapping();
    }

    public static SqliteRowReader For(DbContext db) => Cache.GetValue(db.Model, _ => new SqliteRowReader(db));

    public LoadedTask? TaskWithInstance(DbContext db, SqliteConnection connection, string taskId)
    {
        var rows = SqliteStatements.Query(connection, _taskWithInstance, [Key(_task, taskId)], statement =>
        {
            var offset = 0;
            var task = (TaskRow)Read(_task, statement, ref offset)!;
            var instance = (ProcessInstanceRow?)Read(_instance, statement, ref offset);
            var head = (HistoryChainRow?)Read(_head, statement, ref offset);
            return new LoadedTask(task, instance, head);
        });
        if (rows.Count == 0)
            return null;
        var (t, i, h) = rows[0];
        return new LoadedTask(Track(db, _task, t), i is null ? null : Track(db, _instance, i), h is null ? null : Track(db, _head, h));
    }

    public LoadedInstance? InstanceWithHead(DbContext db, SqliteConnection connection, string instanceId)
    {
        var rows = SqliteStatements.Query(connection, _instanceWithHead, [Key(_instance, instanceId)], statement =>
        {
            var offset = 0;
            return new LoadedInstance((ProcessInstanceRow)Read(_instance, statement, ref offset)!, (HistoryChainRow?)Read(_head, statement, ref offset));
        });
        if (rows.Count == 0)
            return null;
        var (instance, head) = rows[0];
        return new LoadedInstance(Track(db, _instance, instance), head is null ? null : Track(db, _head, head));
    }

    /// <summary>Id and key of the newest version of <paramref name="key"/>, or of the definition <paramref name="id"/>.</summary>
    public (string Id, string Key)? Definition(SqliteConnection connection, string? key, string? id)
    {
        var rows = SqliteStatements.Query(connection, key is not null ? _latestDefinition : _definition, [new StatementValue(_definitionKey, key ?? id)],
            statement => (raw.sqlite3_column_text(statement, 0).utf8_to_string(), raw.sqlite3_column_text(statement, 1).utf8_to_string()));
        return rows.Count == 0 ? null : rows[0];
    }

    public List<TaskCandidateRow> Candidates(DbContext db, SqliteConnection connection, string taskId) =>
        All<TaskCandidateRow>(db, connection, _candidate, _candidates, Key(_candidate, taskId, nameof(TaskCandidateRow.TaskId)));

    public List<ExecutionRow> Executions(DbContext db, SqliteConnection connection, string instanceId) =>
        All<ExecutionRow>(db, connection, _execution, _executions, Key(_execution, instanceId, nameof(ExecutionRow.InstanceId)));

    public List<VariableRow> Variables(DbContext db, SqliteConnection connection, string instanceId) =>
        All<VariableRow>(db, connection, _variable, _variables, Key(_variable, instanceId, nameof(VariableRow.InstanceId)));

    private static List<T> All<T>(DbContext db, SqliteConnection connection, RowTable table, string sql, StatementValue key) where T : class
    {
        var rows = SqliteStatements.Query(connection, sql, [key], statement =>
        {
            var offset = 0;
            return (T)Read(table, statement, ref offset)!;
        });
        for (var i = 0; i < rows.Count; i++)
            rows[i] = Track(db, table, rows[i]);
        return rows;
    }

    /// <summary>The row at <paramref name="offset"/>, or null when a LEFT JOIN found none (its key is NULL); moves past its columns.</summary>
    private static object? Read(RowTable table, sqlite3_stmt statement, ref int offset)
    {
        var start = offset;
        offset += table.Columns.Count;
        var keyIndex = start + table.KeyIndexes[0];
        if (raw.sqlite3_column_type(statement, keyIndex) == raw.SQLITE_NULL)
            return null;
        return table.Create((column, index) => SqliteStatements.Column(statement, index, column.ProviderType), start);
    }

    /// <summary>The tracked instance of the same row if the context has one (as an EF tracking query returns it), else this one, now tracked.</summary>
    private static T Track<T>(DbContext db, RowTable table, T row) where T : class
    {
        var existing = db.Set<T>().Local.FindEntryUntyped(table.KeyIndexes.Select(k => table.Columns[k].Read(row)));
        if (existing is not null)
            return existing.Entity;
        db.Entry(row).State = EntityState.Unchanged;
        return row;
    }

    private static StatementValue Key(RowTable table, string value, string? property = null)
    {
        var column = property is null ? table.Columns[table.KeyIndexes[0]] : table.Columns.Single(c => c.Property.Name == property);
        return new StatementValue(column.Mapping, value);
    }
}
