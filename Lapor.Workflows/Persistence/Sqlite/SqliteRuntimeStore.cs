using System.Runtime.CompilerServices;
using Lapor.Workflows.History;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// The engine's store on SQLite: a command's reads and writes as plain Microsoft.Data.Sqlite commands on EF's
/// connection and transaction. EF's SQLite provider saves one statement per row, building SQL text, parameters and
/// read-back anew for each, and its queries pay for a pipeline the engine's few fixed reads do not need; together that
/// cost more than the commit (decision 025). Here the statements are built once per model from EF's mapping
/// (<see cref="SqliteTable"/>), values are bound with EF's type mappings and read as EF's provider reads them (so rows
/// are EF's, byte for byte), and each statement is compiled once per connection (<see cref="PreparedCommands"/>), which
/// stays open from one command to the next (<see cref="KeptConnections"/>).
/// Rows read are handed to EF's change tracker as a tracking query would; concurrency tokens are checked as EF does.
/// <para>
/// Inserts and updates run before <c>SaveChanges</c>, deletes after it: EF still saves the host's rows and the task
/// candidates (their keys come from the database), and a candidate must be inserted after its task and deleted before.
/// </para>
/// </summary>
internal sealed class SqliteRuntimeStore : EfRuntimeStore
{
    public new static readonly SqliteRuntimeStore Instance = new();

    private static readonly ConditionalWeakTable<IModel, Reads> PerModel = new();

    private SqliteRuntimeStore()
    {
    }

    public override Task<LoadedTask?> TaskWithInstanceAsync(DbContext db, string taskId, CancellationToken ct)
    {
        var sql = For(db);
        var found = Query(db, sql.TaskWithInstance, sql.Task.Keys[0], taskId, reader =>
        {
            var offset = 0;
            return ((TaskRow)sql.Task.Read(reader, ref offset)!, (ProcessInstanceRow?)sql.Instance.Read(reader, ref offset),
                (HistoryChainRow?)sql.Head.Read(reader, ref offset));
        });
        return Task.FromResult(found.Count == 0 ? null
            : new LoadedTask(Track(db, sql.Task, found[0].Item1)!, Track(db, sql.Instance, found[0].Item2), Track(db, sql.Head, found[0].Item3)));
    }

    public override Task<LoadedInstance?> InstanceWithChainHeadAsync(DbContext db, string instanceId, CancellationToken ct)
    {
        var sql = For(db);
        var found = Query(db, sql.InstanceWithHead, sql.Instance.Keys[0], instanceId, reader =>
        {
            var offset = 0;
            return ((ProcessInstanceRow)sql.Instance.Read(reader, ref offset)!, (HistoryChainRow?)sql.Head.Read(reader, ref offset));
        });
        return Task.FromResult(found.Count == 0 ? null
            : new LoadedInstance(Track(db, sql.Instance, found[0].Item1)!, Track(db, sql.Head, found[0].Item2)));
    }

    public override Task<List<TaskCandidateRow>> CandidatesAsync(DbContext db, string taskId, CancellationToken ct) =>
        Task.FromResult(All<TaskCandidateRow>(db, For(db).Candidate, For(db).Candidates, nameof(TaskCandidateRow.TaskId), taskId));

    public override Task<List<ExecutionRow>> ExecutionsAsync(DbContext db, string instanceId, CancellationToken ct) =>
        Task.FromResult(All<ExecutionRow>(db, For(db).Execution, For(db).Executions, nameof(ExecutionRow.InstanceId), instanceId));

    public override Task<List<VariableRow>> VariablesAsync(DbContext db, string instanceId, CancellationToken ct) =>
        Task.FromResult(All<VariableRow>(db, For(db).Variable, For(db).Variables, nameof(VariableRow.InstanceId), instanceId));

    public override Task<DefinitionRef?> DefinitionAsync(DbContext db, string? key, string? id, CancellationToken ct)
    {
        var sql = For(db);
        var found = Query(db, key is not null ? sql.LatestDefinition : sql.Definition, sql.DefinitionKey, key ?? id,
            reader => new DefinitionRef(reader.GetString(0), reader.GetString(1)));
        return Task.FromResult(found.Count == 0 ? null : found[0]);
    }

    public override Task<List<OpenHistoryRecordRow>> OpenRecordsAsync(DbContext db, string chainId, CancellationToken ct)
    {
        var sql = For(db);
        return Task.FromResult(Query(db, sql.OpenRecords, sql.OpenRecordChain, chainId, reader =>
        {
            var offset = 0;
            return (OpenHistoryRecordRow)sql.Open.Read(reader, ref offset)!;
        }));
    }

    public override Task DeleteOpenRecordsAsync(DbContext db, string chainId, CancellationToken ct)
    {
        var sql = For(db);
        PreparedCommands.Get(Transaction(db), sql.DeleteOpenRecords, [sql.OpenRecordChain], [chainId]).ExecuteNonQuery();
        return Task.CompletedTask;
    }

    private static Reads For(DbContext db) => PerModel.GetValue(db.Model, _ => new Reads(SqliteTable.For(db)));

    private static List<T> All<T>(DbContext db, SqliteTable table, string sql, string keyProperty, string key) where T : class
    {
        var rows = Query(db, sql, table.Column(keyProperty), key, reader =>
        {
            var offset = 0;
            return (T)table.Read(reader, ref offset)!;
        });
        for (var i = 0; i < rows.Count; i++)
            rows[i] = Track(db, table, rows[i])!;
        return rows;
    }

    // Commands read inside their transaction, on its connection.
    private static List<T> Query<T>(DbContext db, string sql, SqliteColumn parameter, string? value, Func<SqliteDataReader, T> read)
    {
        var command = PreparedCommands.Get(Transaction(db), sql, [parameter], [value]);
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
            rows.Add(read(reader));
        return rows;
    }

    /// <summary>The tracked instance of the same row if the context has one (as an EF tracking query returns it), else this one, now tracked.</summary>
    private static T? Track<T>(DbContext db, SqliteTable table, T? row) where T : class
    {
        if (row is null)
            return null;
        if (db.Set<T>().Local.FindEntryUntyped(table.Keys.Select(k => k.Read(row))) is { } existing)
            return existing.Entity;
        db.Entry(row).State = EntityState.Unchanged;
        return row;
    }

    private static SqliteTransaction Transaction(DbContext db) =>
        db.Database.CurrentTransaction?.GetDbTransaction() as SqliteTransaction
        ?? throw new InvalidOperationException("An engine command reads and saves inside its transaction.");

    /// <summary>
    /// With <paramref name="endsCommand"/> the caller forgets every engine row once this returns, so rows written here
    /// are marked saved only when EF has rows of its own to save: telling EF's change tracker about every row one by
    /// one was a tenth of the save.
    /// </summary>
    public override async Task SaveAsync(DbContext db, IReadOnlyList<HistoryRecord> history, bool endsCommand, CancellationToken ct)
    {
        var transaction = Transaction(db);
        var tables = SqliteTable.For(db);
        var deletes = new List<(SqliteStatement Statement, object?[] Values)>();
        var written = new List<EntityEntry>();
        var leftForEf = false;
        foreach (var entry in db.ChangeTracker.Entries())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached)
                continue;
            if (!tables.TryGetValue(entry.Entity.GetType(), out var table) || !table.IsWritten)
            {
                leftForEf = true;
                continue;
            }
            switch (entry.State)
            {
                case EntityState.Added:
                    Run(transaction, table.Insert, Values(table.Insert, entry.Entity, entry));
                    break;
                case EntityState.Modified:
                    if (table.Update(p => entry.Property(p).IsModified) is { } update)
                        Run(transaction, update, Values(update, entry.Entity, entry));
                    break;
                case EntityState.Deleted:
                    deletes.Add((table.Delete, Values(table.Delete, entry.Entity, entry)));
                    break;
            }
            written.Add(entry);
        }
        // Usually nothing is left for EF (no host rows, no candidates); then SaveChanges would only look.
        if (leftForEf || !endsCommand)
        {
            foreach (var entry in written)
                entry.State = entry.State == EntityState.Deleted ? EntityState.Detached : EntityState.Unchanged;
            if (leftForEf)
                await db.SaveChangesAsync(ct);
        }
        foreach (var (statement, values) in deletes)
            Run(transaction, statement, values);
        foreach (var records in history.GroupBy(r => r.GetType()))
            InsertHistory(transaction, tables[records.Key], records.ToList());
    }

    /// <summary>
    /// A command's history rows in as few statements as possible: one INSERT of up to <see cref="SqliteTable.MostRowsPerInsert"/>
    /// rows instead of one per row, each statement kept compiled for its row count.
    /// </summary>
    private static void InsertHistory(SqliteTransaction transaction, SqliteTable table, IReadOnlyList<HistoryRecord> history)
    {
        for (var first = 0; first < history.Count; first += SqliteTable.MostRowsPerInsert)
        {
            var count = Math.Min(SqliteTable.MostRowsPerInsert, history.Count - first);
            var insert = table.InsertOf(count);
            var values = new object?[insert.Parameters.Count];
            var perRow = values.Length / count;
            for (var row = 0; row < count; row++)
            {
                for (var i = 0; i < perRow; i++)
                    values[row * perRow + i] = insert.Parameters[i].Column.Read(history[first + row]);
            }
            var command = PreparedCommands.Get(transaction, insert.Sql, insert.Columns, values);
            if (command.ExecuteNonQuery() != count)
                throw new InvalidOperationException($"{insert.Table}: a history insert wrote fewer rows than it was given.");
        }
    }

    /// <summary>The parameter values: the row's current ones, and for concurrency checks the ones the command read.</summary>
    private static object?[] Values(SqliteStatement statement, object row, EntityEntry entry)
    {
        var values = new object?[statement.Parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var (column, asRead) = statement.Parameters[i];
            values[i] = asRead ? entry.OriginalValues[column.Property] : column.Read(row);
        }
        return values;
    }

    /// <summary>The SQL of the reads, built once per model.</summary>
    private sealed class Reads
    {
        public Reads(Dictionary<Type, SqliteTable> tables)
        {
            (Task, Instance, Head, Candidate, Execution, Variable) = (tables[typeof(TaskRow)], tables[typeof(ProcessInstanceRow)],
                tables[typeof(HistoryChainRow)], tables[typeof(TaskCandidateRow)], tables[typeof(ExecutionRow)], tables[typeof(VariableRow)]);
            string Column(SqliteTable table, string property) => table.Column(property).Name;
            var (taskInstance, instanceId, chainId) = (Column(Task, nameof(TaskRow.InstanceId)), Column(Instance, nameof(ProcessInstanceRow.Id)),
                Column(Head, nameof(HistoryChainRow.ChainId)));
            TaskWithInstance = $"SELECT {Task.SelectList("t")}, {Instance.SelectList("i")}, {Head.SelectList("h")} FROM {Task.Name} AS t " +
                               $"LEFT JOIN {Instance.Name} AS i ON i.{instanceId} = t.{taskInstance} " +
                               $"LEFT JOIN {Head.Name} AS h ON h.{chainId} = t.{taskInstance} WHERE t.{Column(Task, nameof(TaskRow.Id))} = @p0";
            InstanceWithHead = $"SELECT {Instance.SelectList("i")}, {Head.SelectList("h")} FROM {Instance.Name} AS i " +
                               $"LEFT JOIN {Head.Name} AS h ON h.{chainId} = i.{instanceId} WHERE i.{instanceId} = @p0";
            Candidates = $"SELECT {Candidate.SelectList("c")} FROM {Candidate.Name} AS c WHERE c.{Column(Candidate, nameof(TaskCandidateRow.TaskId))} = @p0";
            Executions = $"SELECT {Execution.SelectList("e")} FROM {Execution.Name} AS e WHERE e.{Column(Execution, nameof(ExecutionRow.InstanceId))} = @p0";
            Variables = $"SELECT {Variable.SelectList("v")} FROM {Variable.Name} AS v WHERE v.{Column(Variable, nameof(VariableRow.InstanceId))} = @p0";
            // A start needs only which definition; the XML comes parsed from the definition cache.
            var definition = tables[typeof(ProcessDefinitionRow)];
            var (id, key, version) = (Column(definition, nameof(ProcessDefinitionRow.Id)), Column(definition, nameof(ProcessDefinitionRow.Key)),
                Column(definition, nameof(ProcessDefinitionRow.Version)));
            LatestDefinition = $"SELECT {id}, {key} FROM {definition.Name} WHERE {key} = @p0 ORDER BY {version} DESC LIMIT 1";
            Definition = $"SELECT {id}, {key} FROM {definition.Name} WHERE {id} = @p0";
            DefinitionKey = definition.Keys[0];
            Open = tables[typeof(OpenHistoryRecordRow)];
            OpenRecordChain = Open.Column(nameof(OpenHistoryRecordRow.ChainId));
            OpenRecords = $"SELECT {Open.SelectList("o")} FROM {Open.Name} AS o WHERE o.{OpenRecordChain.Name} = @p0 ORDER BY o.{Column(Open, nameof(OpenHistoryRecordRow.Seq))}";
            DeleteOpenRecords = $"DELETE FROM {Open.Name} WHERE {OpenRecordChain.Name} = @p0";
        }

        public SqliteTable Task { get; }
        public SqliteTable Instance { get; }
        public SqliteTable Head { get; }
        public SqliteTable Candidate { get; }
        public SqliteTable Execution { get; }
        public SqliteTable Variable { get; }
        public string TaskWithInstance { get; }
        public string InstanceWithHead { get; }
        public string Candidates { get; }
        public string Executions { get; }
        public string Variables { get; }
        public string LatestDefinition { get; }
        public string Definition { get; }
        public SqliteTable Open { get; }
        public SqliteColumn OpenRecordChain { get; }
        public string OpenRecords { get; }
        public string DeleteOpenRecords { get; }

        /// <summary>Definition id and key are both text; either mapping binds the look-up's value.</summary>
        public SqliteColumn DefinitionKey { get; }
    }

    private static void Run(SqliteTransaction transaction, SqliteStatement statement, object?[] values)
    {
        if (PreparedCommands.Get(transaction, statement.Sql, statement.Columns, values).ExecuteNonQuery() != 1)
            throw new DbUpdateConcurrencyException($"{statement.Table}: the row was changed or removed by another command at the same time.");
    }
}
