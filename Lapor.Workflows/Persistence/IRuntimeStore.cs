using Lapor.Workflows.History;
using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// How an engine command reads and saves its rows; the only place the engine touches the database for a command.
/// The reads return tracked rows, so the interpreter changes them in place; <see cref="SaveAsync"/> then writes what
/// changed and the command's history rows, inside the command's transaction. Every read and write goes through the
/// caller's <see cref="DbContext"/>, its connection and its transaction, so a host's own rows (a report and its
/// instance) commit or roll back together with the engine's.
/// <para>
/// <see cref="EfRuntimeStore"/> does it with EF Core's compiled queries and <c>SaveChanges</c>; on SQLite,
/// <see cref="SqliteRuntimeStore"/> writes the engine's rows with statements built once from EF's mapping, because
/// EF's update pipeline runs one command per row there and cost more than the writes (decision 025).
/// </para>
/// </summary>
internal interface IRuntimeStore
{
    /// <summary>A task with its instance and the instance's history chain head (null if the task does not exist).</summary>
    Task<LoadedTask?> TaskWithInstanceAsync(DbContext db, string taskId, CancellationToken ct);

    Task<List<TaskCandidateRow>> CandidatesAsync(DbContext db, string taskId, CancellationToken ct);

    Task<LoadedInstance?> InstanceWithChainHeadAsync(DbContext db, string instanceId, CancellationToken ct);

    Task<List<ExecutionRow>> ExecutionsAsync(DbContext db, string instanceId, CancellationToken ct);

    Task<List<VariableRow>> VariablesAsync(DbContext db, string instanceId, CancellationToken ct);

    /// <summary>Which definition a start runs: the newest version of <paramref name="key"/>, or the definition <paramref name="id"/>.</summary>
    Task<DefinitionRef?> DefinitionAsync(DbContext db, string? key, string? id, CancellationToken ct);

    /// <summary>An instance's open history records in chain order, not tracked: the command that ends it repacks them.</summary>
    Task<List<OpenHistoryRecordRow>> OpenRecordsAsync(DbContext db, string chainId, CancellationToken ct);

    /// <summary>Deletes a chain's open history records inside the current transaction (they were repacked into a lasting one).</summary>
    Task DeleteOpenRecordsAsync(DbContext db, string chainId, CancellationToken ct);

    /// <summary>
    /// Saves every tracked change (changes already detected) and inserts <paramref name="history"/>, inside the
    /// current transaction. A row whose concurrency token moved on since it was read fails the save with
    /// <see cref="DbUpdateConcurrencyException"/>. <paramref name="endsCommand"/>: the caller forgets the engine's tracked
    /// rows right after (an engine command does), so the store need not leave them marked as saved.
    /// </summary>
    Task SaveAsync(DbContext db, IReadOnlyList<HistoryRecord> history, bool endsCommand, CancellationToken ct);
}

internal static class RuntimeStore
{
    /// <summary>Commands run in a transaction; anything outside one (rare, never on the hot path) takes EF's way.</summary>
    public static IRuntimeStore For(DbContext db) =>
        db.Database.CurrentTransaction is not null && SqliteModels.IsSqlite(db) ? SqliteRuntimeStore.Instance : EfRuntimeStore.Instance;
}

/// <summary>Which definition a start runs: its id and process key.</summary>
internal sealed record DefinitionRef(string Id, string Key);
