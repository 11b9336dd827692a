using System.Diagnostics;
using System.Text.Json;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Migration;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// Batches of migrations: created by an operator, worked off in chunks by <c>SweepMigrationBatches</c> (at start-up and
/// then periodically), each instance in its own transaction. An instance already on the target version counts as
/// done, so a chunk repeated after a crash moves nobody twice.
/// </summary>
public sealed class MigrationBatches(DbContext db, WorkflowEngine engine, TimeProvider clock, ILogger<MigrationBatches> log)
{
    public const string BatchOperation = "MigrateBatch";
    public const int DefaultChunkSize = 25;

    /// <summary>
    /// Creates a batch for every running instance of the source version, or only for <paramref name="instanceIds"/>
    /// (one chosen case, or a selection). The plan must be valid, and each chosen instance must run on the source version.
    /// </summary>
    public async Task<MigrationBatch> StartAsync(MigrationPlan plan, string actor, IReadOnlyCollection<string>? instanceIds = null, CancellationToken ct = default)
    {
        var report = await engine.DryRunMigrationAsync(plan, ct);
        if (report.PlanProblems.Count > 0)
            throw new WorkflowException("The migration plan is not valid: " + string.Join("; ", report.PlanProblems) + ".", "MigrationPlanValidationException");
        var ids = report.Instances.Select(i => i.InstanceId).ToList();
        if (instanceIds is not null)
        {
            if (instanceIds.Count == 0)
                throw new WorkflowException("Choose at least one process instance to migrate.", "InvalidRequestException");
            var running = ids.ToHashSet();
            if (instanceIds.Where(id => !running.Contains(id)).ToList() is { Count: > 0 } foreign)
                throw new WorkflowException($"Not running on the source version, so not migrated: {string.Join(", ", foreign.Select(id => $"'{id}'"))}.", "InvalidRequestException");
            // The dry run's order (oldest first), not the order the ids were chosen in.
            ids = ids.Where(instanceIds.Contains).ToList();
        }
        var key = await db.Set<ProcessDefinitionRow>().AsNoTracking().Where(d => d.Id == plan.SourceDefinitionId).Select(d => d.Key).FirstAsync(ct);
        var now = WorkflowClock.Utc(clock.GetUtcNow());
        var batch = new MigrationBatchRow
        {
            Id = Guid.CreateVersion7().ToString(), ProcessKey = key, SourceDefinitionId = plan.SourceDefinitionId, TargetDefinitionId = plan.TargetDefinitionId,
            Instructions = JsonSerializer.Serialize(plan.Instructions), InstanceIds = JsonSerializer.Serialize(ids), Total = ids.Count,
            State = ids.Count == 0 ? MigrationBatchState.Completed : MigrationBatchState.Running, CreatedBy = actor, CreatedAt = now,
            EndedAt = ids.Count == 0 ? now : null,
        };
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        db.Add(batch);
        var history = await HistoryWriter.OpenAsync(db, Deployer.EngineChain, ct);
        history.Append(new HistoryEventRow
        {
            Kind = HistoryEventKind.UserOperation, Time = now, Actor = actor, Name = BatchOperation, Value = batch.Id,
            Detail = JsonSerializer.Serialize(new { batchId = batch.Id, plan.SourceDefinitionId, plan.TargetDefinitionId, plan.Instructions, total = ids.Count, selected = instanceIds is not null }),
        });
        await db.SaveChangesAsync(ct);
        await history.FlushAsync(ct);
        await transaction.CommitAsync(ct);
        db.ChangeTracker.Clear();
        return ToBatch(batch);
    }

    public async Task<MigrationBatch?> FindAsync(string id, CancellationToken ct = default) =>
        await db.Set<MigrationBatchRow>().AsNoTracking().FirstOrDefaultAsync(b => b.Id == id, ct) is { } row ? ToBatch(row) : null;

    public async Task<IReadOnlyList<MigrationBatch>> ListAsync(string processKey, int take = 20, CancellationToken ct = default) =>
        (await db.Set<MigrationBatchRow>().AsNoTracking().Where(b => b.ProcessKey == processKey)
            .OrderByDescending(b => b.CreatedAt).Take(take).ToListAsync(ct)).Select(ToBatch).ToList();

    private static MigrationBatch ToBatch(MigrationBatchRow row) => new()
    {
        Id = row.Id, ProcessKey = row.ProcessKey, SourceDefinitionId = row.SourceDefinitionId, TargetDefinitionId = row.TargetDefinitionId,
        Total = row.Total, Position = row.Position, Done = row.Done, Failed = row.Failed, Failures = FailuresOf(row), State = row.State,
        CreatedBy = row.CreatedBy, CreatedAt = row.CreatedAt, EndedAt = row.EndedAt,
    };

    internal static IReadOnlyList<MigrationFailure> FailuresOf(MigrationBatchRow batch) =>
        JsonSerializer.Deserialize<List<MigrationFailure>>(batch.Failures) ?? [];

    internal static MigrationPlan PlanOf(MigrationBatchRow batch) =>
        new(batch.SourceDefinitionId, batch.TargetDefinitionId, JsonSerializer.Deserialize<List<MigrationInstruction>>(batch.Instructions) ?? []);

    /// <summary>Works off chunks of unfinished batches, oldest first, until none is left or <paramref name="budget"/> is spent.</summary>
    public async Task<int> RunAsync(TimeSpan budget, int chunkSize = DefaultChunkSize, CancellationToken ct = default)
    {
        var watch = Stopwatch.StartNew();
        var total = 0;
        while (watch.Elapsed < budget && await RunChunkAsync(chunkSize, ct) is > 0 and var processed)
            total += processed;
        return total;
    }

    /// <summary>Moves the next <paramref name="chunkSize"/> instances of the oldest unfinished batch; returns how many were processed.</summary>
    public async Task<int> RunChunkAsync(int chunkSize = DefaultChunkSize, CancellationToken ct = default)
    {
        var batch = await db.Set<MigrationBatchRow>().AsNoTracking().Where(b => b.State == MigrationBatchState.Running)
            .OrderBy(b => b.CreatedAt).ThenBy(b => b.Id).FirstOrDefaultAsync(ct);
        if (batch is null)
            return 0;
        var plan = PlanOf(batch);
        var chunk = (JsonSerializer.Deserialize<List<string>>(batch.InstanceIds) ?? []).Skip(batch.Position).Take(chunkSize).ToList();
        var done = 0;
        var failures = new List<MigrationFailure>();
        foreach (var instanceId in chunk)
        {
            if (await MoveAsync(plan, instanceId, batch, ct) is { } failure)
                failures.Add(failure);
            else
                done++;
        }

        var row = await db.Set<MigrationBatchRow>().FirstAsync(b => b.Id == batch.Id, ct);
        row.Position += chunk.Count;
        row.Done += done;
        row.Failed += failures.Count;
        if (failures.Count > 0)
            row.Failures = JsonSerializer.Serialize(FailuresOf(row).Concat(failures));
        if (row.Position >= row.Total)
        {
            row.State = MigrationBatchState.Completed;
            row.EndedAt = WorkflowClock.Utc(clock.GetUtcNow());
        }
        row.Revision++;
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
        return Math.Max(chunk.Count, 1);
    }

    private async Task<MigrationFailure?> MoveAsync(MigrationPlan plan, string instanceId, MigrationBatchRow batch, CancellationToken ct)
    {
        try
        {
            // Moved by an earlier run of this chunk that crashed before the batch row was saved: nothing to do.
            var current = await db.Set<ProcessInstanceRow>().AsNoTracking().Where(i => i.Id == instanceId)
                .Select(i => new { i.DefinitionId, i.Status }).FirstOrDefaultAsync(ct);
            if (current is { Status: InstanceStatus.Active } && current.DefinitionId == plan.TargetDefinitionId)
                return null;
            await engine.MigrateAsync(plan, instanceId, batch.CreatedBy, batch.Id, ct);
            return null;
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // One instance that cannot move (or breaks) must not hold up the rest of the batch.
            log.LogInformation("Batch {Batch}: instance {Instance} not migrated: {Reason}", batch.Id, instanceId, ex.Message);
            return new MigrationFailure(instanceId, ex.Message, (ex as MigrationRefusedException)?.Reasons);
        }
    }
}
