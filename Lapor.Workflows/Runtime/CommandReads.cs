using System.Data;
using Lapor.Workflows.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// The reads at the start of every command, tracked: on SQLite through <see cref="SqliteRowReader"/> (statements kept
/// compiled with the connection), on other providers through EF's compiled queries (<see cref="CommandQueries"/>).
/// </summary>
internal static class CommandReads
{
    public static async Task<LoadedTask?> TaskWithInstanceAsync(DbContext db, string taskId, CancellationToken ct)
    {
        if (Sqlite(db) is not { } connection)
            return await CommandQueries.For(db).TaskWithInstance(db, taskId, ct);
        return SqliteRowReader.For(db).TaskWithInstance(db, connection, taskId);
    }

    public static async Task<List<TaskCandidateRow>> CandidatesAsync(DbContext db, string taskId, CancellationToken ct) =>
        Sqlite(db) is { } connection
            ? SqliteRowReader.For(db).Candidates(db, connection, taskId)
            : await CommandQueries.ToListAsync(CommandQueries.For(db).TaskCandidates(db, taskId), ct);

    public static async Task<LoadedInstance?> InstanceWithChainHeadAsync(DbContext db, string instanceId, CancellationToken ct)
    {
        if (Sqlite(db) is not { } connection)
            return await CommandQueries.For(db).InstanceWithChainHead(db, instanceId, ct);
        return SqliteRowReader.For(db).InstanceWithHead(db, connection, instanceId);
    }

    public static async Task<List<ExecutionRow>> ExecutionsAsync(DbContext db, string instanceId, CancellationToken ct) =>
        Sqlite(db) is { } connection
            ? SqliteRowReader.For(db).Executions(db, connection, instanceId)
            : await CommandQueries.ToListAsync(CommandQueries.For(db).Executions(db, instanceId), ct);

    public static async Task<List<VariableRow>> VariablesAsync(DbContext db, string instanceId, CancellationToken ct) =>
        Sqlite(db) is { } connection
            ? SqliteRowReader.For(db).Variables(db, connection, instanceId)
            : await CommandQueries.ToListAsync(CommandQueries.For(db).Variables(db, instanceId), ct);

    public static async Task<DefinitionRef?> DefinitionAsync(DbContext db, string? key, string? id, CancellationToken ct)
    {
        if (Sqlite(db) is { } connection)
            return SqliteRowReader.For(db).Definition(connection, key, id) is { } found ? new DefinitionRef(found.Id, found.Key) : null;
        return key is not null
            ? await CommandQueries.For(db).LatestDefinition(db, key, ct)
            : await CommandQueries.For(db).Definition(db, id ?? "", ct);
    }

    // Commands read inside their transaction, so the connection is open; anything else goes the EF way.
    private static SqliteConnection? Sqlite(DbContext db) =>
        db.Database.GetDbConnection() is SqliteConnection { State: ConnectionState.Open } connection ? connection : null;
}
