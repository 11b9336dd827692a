using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// The reads nearly every command makes, compiled once: a LINQ query otherwise pays on each run for building its
/// expression tree, extracting parameters and looking up EF's query cache, which cost about as much as the SQL itself.
/// A compiled query is bound to the model it first runs with, so there is one set per model (per provider and context
/// type): one process may hold SQLite and PostgreSQL contexts, as the engine's tests do.
/// </summary>
internal sealed class CommandQueries
{
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<Microsoft.EntityFrameworkCore.Metadata.IModel, CommandQueries> PerModel = new();

    public static CommandQueries For(DbContext db) => PerModel.GetOrAdd(db.Model, _ => new CommandQueries());

    /// <summary>
    /// A task command's first read: the task, its instance and the instance's chain head. Its candidates come from
    /// <see cref="TaskCandidates"/>: including them here made EF wrap the join in a sub-query ordered for the
    /// collection, which SQLite took twice as long to compile as the join and the candidate query together.
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

    /// <summary>The instance and its history chain head in one round trip: both are read by every command.</summary>
    public readonly Func<DbContext, string, CancellationToken, Task<LoadedInstance?>> InstanceWithChainHead =
        EF.CompileAsyncQuery((DbContext db, string instanceId, CancellationToken _) => (
                from i in db.Set<ProcessInstanceRow>()
                where i.Id == instanceId
                join c in db.Set<HistoryChainRow>() on i.Id equals c.ChainId into chains
                from c in chains.DefaultIfEmpty()
                select new LoadedInstance(i, c))
            .FirstOrDefault());

    /// <summary>A task's candidates, tracked, so EF fills the task's <see cref="TaskRow.Candidates"/> when the task is tracked too.</summary>
    public readonly Func<DbContext, string, IAsyncEnumerable<TaskCandidateRow>> TaskCandidates =
        EF.CompileAsyncQuery((DbContext db, string taskId) => db.Set<TaskCandidateRow>().Where(c => c.TaskId == taskId));

    public readonly Func<DbContext, string, IAsyncEnumerable<ExecutionRow>> Executions =
        EF.CompileAsyncQuery((DbContext db, string instanceId) => db.Set<ExecutionRow>().Where(e => e.InstanceId == instanceId));

    public readonly Func<DbContext, string, IAsyncEnumerable<VariableRow>> Variables =
        EF.CompileAsyncQuery((DbContext db, string instanceId) => db.Set<VariableRow>().Where(v => v.InstanceId == instanceId));

    // A start needs only which definition; its XML (tens of KB for the shipped process) comes parsed from the cache.
    public readonly Func<DbContext, string, CancellationToken, Task<DefinitionRef?>> LatestDefinition =
        EF.CompileAsyncQuery((DbContext db, string key, CancellationToken _) =>
            db.Set<ProcessDefinitionRow>().Where(d => d.Key == key).OrderByDescending(d => d.Version).Select(d => new DefinitionRef(d.Id, d.Key)).FirstOrDefault());

    public readonly Func<DbContext, string, CancellationToken, Task<DefinitionRef?>> Definition =
        EF.CompileAsyncQuery((DbContext db, string id, CancellationToken _) =>
            db.Set<ProcessDefinitionRow>().Where(d => d.Id == id).Select(d => new DefinitionRef(d.Id, d.Key)).FirstOrDefault());

    /// <summary>Runs a compiled streaming query to the end.</summary>
    public static async Task<List<T>> ToListAsync<T>(IAsyncEnumerable<T> rows, CancellationToken ct)
    {
        var list = new List<T>();
        await foreach (var row in rows.WithCancellation(ct))
            list.Add(row);
        return list;
    }
}

/// <summary>Which definition a start runs: its id and process key.</summary>
internal sealed record DefinitionRef(string Id, string Key);
