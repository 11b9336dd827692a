using System.Collections.Concurrent;
using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// The engine's reads as EF compiled queries and its writes through <c>SaveChanges</c>. A LINQ query otherwise pays on
/// each run for building its expression tree, extracting parameters and looking up EF's query cache, which cost about
/// as much as the SQL itself. A compiled query is bound to the model it first runs with, so there is one set per model
/// (per provider and context type): one process may hold SQLite and PostgreSQL contexts, as the engine's tests do.
/// </summary>
internal class EfRuntimeStore : IRuntimeStore
{
    public static readonly EfRuntimeStore Instance = new();

    private static readonly ConcurrentDictionary<IModel, Queries> PerModel = new();

    protected EfRuntimeStore()
    {
    }

    public virtual Task<LoadedTask?> TaskWithInstanceAsync(DbContext db, string taskId, CancellationToken ct) =>
        Compiled(db).TaskWithInstance(db, taskId, ct);

    public virtual Task<List<TaskCandidateRow>> CandidatesAsync(DbContext db, string taskId, CancellationToken ct) =>
        ToListAsync(Compiled(db).TaskCandidates(db, taskId), ct);

    public virtual Task<LoadedInstance?> InstanceWithChainHeadAsync(DbContext db, string instanceId, CancellationToken ct) =>
        Compiled(db).InstanceWithChainHead(db, instanceId, ct);

    public virtual Task<List<ExecutionRow>> ExecutionsAsync(DbContext db, string instanceId, CancellationToken ct) =>
        ToListAsync(Compiled(db).Executions(db, instanceId), ct);

    public virtual Task<List<VariableRow>> VariablesAsync(DbContext db, string instanceId, CancellationToken ct) =>
        ToListAsync(Compiled(db).Variables(db, instanceId), ct);

    public virtual Task<DefinitionRef?> DefinitionAsync(DbContext db, string? key, string? id, CancellationToken ct) =>
        key is not null ? Compiled(db).LatestDefinition(db, key, ct) : Compiled(db).Definition(db, id ?? "", ct);

    public virtual Task<List<OpenHistoryRecordRow>> OpenRecordsAsync(DbContext db, string chainId, CancellationToken ct) =>
        ToListAsync(Compiled(db).OpenRecords(db, chainId), ct);

    public virtual Task DeleteOpenRecordsAsync(DbContext db, string chainId, CancellationToken ct) =>
        db.Set<OpenHistoryRecordRow>().Where(r => r.ChainId == chainId).ExecuteDeleteAsync(ct);

    public virtual async Task SaveAsync(DbContext db, IReadOnlyList<HistoryRecord> history, bool endsCommand, CancellationToken ct)
    {
        db.AddRange(history);
        await db.SaveChangesAsync(ct);
    }

    private static Queries Compiled(DbContext db) => PerModel.GetOrAdd(db.Model, _ => new Queries());

    private static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct))
            list.Add(row);
        return list;
    }

    private sealed class Queries
    {
        /// <summary>
        /// A task command's first read: the task, its instance and the instance's chain head. The candidates are a
        /// query of their own: including them made EF wrap the join in a sub-query ordered for the collection, which
        /// SQLite took twice as long to compile as the join and the candidate query together.
        /// </summary>
        public readonly Func<DbContext, string, CancellationToken, Task<LoadedTask?>> TaskWithInstance =
            EF.CompileAsyncQuery((DbContext db, string taskId, CancellationToken _) => (
                    from t in db.Set<TaskRow>()
                    where t.Id == taskId
                    join i in db.Set<ProcessInstanceRow>() on t.InstanceId equals i.Id into instances
                    from i in instances.DefaultIfEmpty()
                    join c in db.Set<HistoryChainRow>() on t.InstanceId equals c.ChainId into chains
                    from c in chains.DefaultIfEmpty()
                    select new LoadedTask(t, i, c))
                .FirstOrDefault());

        public readonly Func<DbContext, string, CancellationToken, Task<LoadedInstance?>> InstanceWithChainHead =
            EF.CompileAsyncQuery((DbContext db, string instanceId, CancellationToken _) => (
                    from i in db.Set<ProcessInstanceRow>()
                    where i.Id == instanceId
                    join c in db.Set<HistoryChainRow>() on i.Id equals c.ChainId into chains
                    from c in chains.DefaultIfEmpty()
                    select new LoadedInstance(i, c))
                .FirstOrDefault());

        /// <summary>Tracked, so EF fills the task's <see cref="TaskRow.Candidates"/> when the task is tracked too.</summary>
        public readonly Func<DbContext, string, IAsyncEnumerable<TaskCandidateRow>> TaskCandidates =
            EF.CompileAsyncQuery((DbContext db, string taskId) => db.Set<TaskCandidateRow>().Where(c => c.TaskId == taskId));

        public readonly Func<DbContext, string, IAsyncEnumerable<ExecutionRow>> Executions =
            EF.CompileAsyncQuery((DbContext db, string instanceId) => db.Set<ExecutionRow>().Where(e => e.InstanceId == instanceId));

        public readonly Func<DbContext, string, IAsyncEnumerable<VariableRow>> Variables =
            EF.CompileAsyncQuery((DbContext db, string instanceId) => db.Set<VariableRow>().Where(v => v.InstanceId == instanceId));

        public readonly Func<DbContext, string, IAsyncEnumerable<OpenHistoryRecordRow>> OpenRecords =
            EF.CompileAsyncQuery<DbContext, string, OpenHistoryRecordRow>((db, chainId) => db.Set<OpenHistoryRecordRow>().AsNoTracking().Where(r => r.ChainId == chainId).OrderBy(r => r.Seq));

        // A start needs only which definition; its XML (tens of KB for the shipped process) comes parsed from the cache.
        public readonly Func<DbContext, string, CancellationToken, Task<DefinitionRef?>> LatestDefinition =
            EF.CompileAsyncQuery((DbContext db, string key, CancellationToken _) =>
                db.Set<ProcessDefinitionRow>().Where(d => d.Key == key).OrderByDescending(d => d.Version).Select(d => new DefinitionRef(d.Id, d.Key)).FirstOrDefault());

        public readonly Func<DbContext, string, CancellationToken, Task<DefinitionRef?>> Definition =
            EF.CompileAsyncQuery((DbContext db, string id, CancellationToken _) =>
                db.Set<ProcessDefinitionRow>().Where(d => d.Id == id).Select(d => new DefinitionRef(d.Id, d.Key)).FirstOrDefault());
    }
}
