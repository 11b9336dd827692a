using System.Text.Json;
using System.Text.RegularExpressions;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Persistence.Sqlite;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Persistence.Sqlite;

/// <summary>
/// On SQLite the engine reads and writes its rows with its own statements (<see cref="SqliteRuntimeStore"/>); what it
/// stores and reads must be exactly what EF would, and EF's concurrency checks must still hold.
/// </summary>
public sealed class SqliteRuntimeStoreTests
{
    private static readonly DateTime When = new DateTime(2026, 3, 20, 1, 2, 3, DateTimeKind.Utc).AddTicks(4567);

    private static TaskRow Task(string id) => new()
    {
        Id = id, InstanceId = "inst", ExecutionId = "exec", ActivityInstanceId = "act:1", DefinitionId = "p:1:x", TaskDefinitionKey = "verifikasi",
        Name = "Verifikasi laporan", Description = "Periksa kelengkapan", Assignee = "budi", Owner = "sari", DelegationState = "PENDING",
        Priority = 70, Due = When.AddDays(5), FollowUp = When.AddDays(3), FormKey = "lapor:verification", CreatedAt = When, Revision = 2,
    };

    private static ProcessInstanceRow Instance(string id) => new()
    {
        Id = id, DefinitionId = "p:1:x", DefinitionKey = "p", BusinessKey = "LPR-2026-000123", Status = InstanceStatus.Completed,
        StartedAt = When, EndedAt = When.AddHours(30), StartedBy = "warga", StartActivityId = "start", Revision = 1, Suspended = true,
    };

    private static HistoryRecordRow Event(string chain, long seq) => new()
    {
        ChainId = chain, Seq = seq, Packed = [1, 2, 3, (byte)seq], Seal = Enumerable.Repeat((byte)0xb, 32).ToArray(),
    };

    [Fact]
    public async Task InsertedRows_AreStoredExactlyAsEfStoresThem()
    {
        await using var h = new EngineHarness();
        await h.Query(async db =>
        {
            db.AddRange(Task("ef"), Instance("ef"), Event("ef", 1), Event("ef", 2));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            // Two rows of a kind: the second reuses the first's statement and parameters.
            db.AddRange(Task("engine"), Task("engine2"), Instance("engine"));
            db.ChangeTracker.DetectChanges();
            await Store(db).SaveAsync(db, [Event("engine", 1), Event("engine", 2)], endsCommand: false, default);
            Assert.False(db.ChangeTracker.HasChanges());
            await transaction.CommitAsync();
            return true;
        });

        Assert.Equal(await StoredAsync(h, "wf_task", "Id", "ef"), await StoredAsync(h, "wf_task", "Id", "engine"));
        Assert.Equal(await StoredAsync(h, "wf_task", "Id", "ef"), await StoredAsync(h, "wf_task", "Id", "engine2"));
        Assert.Equal(await StoredAsync(h, "wf_process_instance", "Id", "ef"), await StoredAsync(h, "wf_process_instance", "Id", "engine"));
        var stored = await StoredAsync(h, "wf_history_record", "ChainId", CompactIdConverter.ToBytes("ef"));
        Assert.NotEmpty(stored);
        Assert.Equal(stored, await StoredAsync(h, "wf_history_record", "ChainId", CompactIdConverter.ToBytes("engine")));
    }

    [Fact]
    public async Task ManyHistoryRecords_GoInSeveralMultiRowInserts_AsEfStoresThem()
    {
        await using var h = new EngineHarness();
        // More than one INSERT's worth, so a full statement and a shorter one both run.
        var count = SqliteTable.MostRowsPerInsert + 7;
        await h.Query(async db =>
        {
            db.AddRange(Enumerable.Range(1, count).Select(i => Event("ef", i)));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            await Store(db).SaveAsync(db, Enumerable.Range(1, count).Select(i => Event("engine", i)).ToList(), endsCommand: true, default);
            await transaction.CommitAsync();
            return true;
        });

        var stored = await StoredAsync(h, "wf_history_record", "ChainId", CompactIdConverter.ToBytes("ef"));
        Assert.NotEmpty(stored);
        Assert.Equal(stored, await StoredAsync(h, "wf_history_record", "ChainId", CompactIdConverter.ToBytes("engine")));
        var seqs = await h.Query(db => db.Set<HistoryRecordRow>().Where(r => r.ChainId == "engine").OrderBy(r => r.Seq).Select(r => r.Seq).ToListAsync());
        Assert.Equal(Enumerable.Range(1, count).Select(i => (long)i), seqs);
    }

    [Fact]
    public async Task AtTheEndOfACommand_EnginesRowsAreWrittenOnce_AndEfStillSavesTheRest()
    {
        await using var h = new EngineHarness();
        await h.Query(async db =>
        {
            db.Add(Task("old"));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Remove(await db.Set<TaskRow>().SingleAsync(t => t.Id == "old"));
            // A task with a candidate: the task is the store's, the candidate (its key from the database) EF's.
            var task = Task("new");
            task.Candidates = [new TaskCandidateRow { TaskId = "new", Kind = CandidateKind.Group, Value = "dinkes" }];
            db.Add(task);
            db.Add(Instance("new"));
            db.ChangeTracker.DetectChanges();
            await Store(db).SaveAsync(db, [Event("new", 1)], endsCommand: true, default);
            await transaction.CommitAsync();
            return true;
        });

        var (tasks, candidates, instances, history) = await h.Query(async db => (
            await db.Set<TaskRow>().Select(t => t.Id).ToListAsync(), await db.Set<TaskCandidateRow>().CountAsync(c => c.TaskId == "new"),
            await db.Set<ProcessInstanceRow>().CountAsync(i => i.Id == "new"), await db.Set<HistoryRecordRow>().CountAsync(e => e.ChainId == "new")));
        Assert.Equal(["new"], tasks);
        Assert.Equal((1, 1, 1), (candidates, instances, history));
    }

    [Fact]
    public async Task ChangedColumns_AreUpdated_AndAStaleConcurrencyTokenIsAConflict()
    {
        await using var h = new EngineHarness();
        await h.Query(async db =>
        {
            db.Add(Task("t"));
            await db.SaveChangesAsync();
            return true;
        });

        var conflict = await h.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var task = await db.Set<TaskRow>().SingleAsync(t => t.Id == "t");
            task.Assignee = "ketut";
            task.Revision++;
            // Someone else moved the task on after it was read.
            await db.Database.ExecuteSqlRawAsync("UPDATE wf_task SET \"Revision\" = 9 WHERE \"Id\" = 't'");
            db.ChangeTracker.DetectChanges();
            return await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Store(db).SaveAsync(db, [], endsCommand: false, default));
        });
        Assert.Contains("wf_task", conflict.Message);

        await h.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var task = await db.Set<TaskRow>().SingleAsync(t => t.Id == "t");
            task.Assignee = "ketut";
            task.Revision++;
            db.ChangeTracker.DetectChanges();
            await Store(db).SaveAsync(db, [], endsCommand: false, default);
            await transaction.CommitAsync();
            return true;
        });
        var stored = await h.Query(db => db.Set<TaskRow>().AsNoTracking().SingleAsync(t => t.Id == "t"));
        Assert.Equal(("ketut", 3, "sari"), (stored.Assignee, stored.Revision, stored.Owner));
    }

    [Fact]
    public async Task ATaskGoesAfterItsCandidates_AndOnlyWithItsTokenUnchanged()
    {
        await using var h = new EngineHarness();
        await h.Query(async db =>
        {
            var a = Task("a");
            a.Candidates = [new TaskCandidateRow { TaskId = "a", Kind = CandidateKind.Group, Value = "dinkes" }];
            db.AddRange(a, Task("b"));
            await db.SaveChangesAsync();
            return true;
        });

        // EF deletes the candidate (its key is the database's); the store deletes the task only after that.
        await h.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var a = await db.Set<TaskRow>().Include(t => t.Candidates).SingleAsync(t => t.Id == "a");
            db.RemoveRange(a.Candidates);
            db.Remove(a);
            db.ChangeTracker.DetectChanges();
            await Store(db).SaveAsync(db, [], endsCommand: false, default);
            await transaction.CommitAsync();
            return true;
        });
        Assert.Equal(["b"], await h.Query(db => db.Set<TaskRow>().Select(t => t.Id).ToListAsync()));
        Assert.Equal(0, await h.Query(db => db.Set<TaskCandidateRow>().CountAsync()));

        await h.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Remove(await db.Set<TaskRow>().SingleAsync(t => t.Id == "b"));
            await db.Database.ExecuteSqlRawAsync("UPDATE wf_task SET \"Revision\" = 9 WHERE \"Id\" = 'b'");
            db.ChangeTracker.DetectChanges();
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => Store(db).SaveAsync(db, [], endsCommand: false, default));
            return true;
        });
    }

    [Fact]
    public async Task RowsRead_EqualWhatEfReads_ValueForValue()
    {
        await using var h = new EngineHarness();
        var due = new DateTime(2026, 3, 27, 8, 30, 15, DateTimeKind.Utc).AddTicks(1234);
        await h.Query(async db =>
        {
            db.Add(new ProcessInstanceRow
            {
                Id = "i", DefinitionId = "p:1:x", DefinitionKey = "p", BusinessKey = "LPR-7", Status = InstanceStatus.Active,
                StartedAt = due.AddDays(-5), StartedBy = "warga", StartActivityId = "start", Revision = 3, Suspended = true,
            });
            db.Add(new HistoryChainRow { ChainId = "i", LastSeq = 12, LastHash = new string('a', 64), Revision = 12 });
            db.Add(new TaskRow
            {
                Id = "t", InstanceId = "i", ExecutionId = "e", ActivityInstanceId = "ai", DefinitionId = "p:1:x", TaskDefinitionKey = "jawab",
                Name = "Jawab", Assignee = "budi", Priority = 60, Due = due, CreatedAt = due.AddDays(-1), Revision = 4,
                Candidates = [new TaskCandidateRow { TaskId = "t", Kind = CandidateKind.Group, Value = "dinkes" }],
            });
            db.Add(new ExecutionRow { Id = "e", InstanceId = "i", ActivityId = "jawab", ActivityInstanceId = "ai", State = TokenState.Waiting });
            db.Add(new VariableRow { InstanceId = "i", Name = "urgent", Type = "Boolean", Value = "true" });
            await db.SaveChangesAsync();
            return true;
        });

        var (storeRead, efRead) = await h.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var store = Store(db);
            var loaded = (await store.TaskWithInstanceAsync(db, "t", default))!;
            object[] mine = [loaded.Task, loaded.Instance!, loaded.Head!, (await store.CandidatesAsync(db, "t", default)).Single(),
                (await store.ExecutionsAsync(db, "i", default)).Single(), (await store.VariablesAsync(db, "i", default)).Single()];
            Assert.All(mine, row => Assert.Equal(EntityState.Unchanged, db.Entry(row).State));
            db.ChangeTracker.Clear();
            object[] efs = [await db.Set<TaskRow>().AsNoTracking().SingleAsync(), await db.Set<ProcessInstanceRow>().AsNoTracking().SingleAsync(),
                await db.Set<HistoryChainRow>().AsNoTracking().SingleAsync(c => c.ChainId == "i"), await db.Set<TaskCandidateRow>().AsNoTracking().SingleAsync(),
                await db.Set<ExecutionRow>().AsNoTracking().SingleAsync(), await db.Set<VariableRow>().AsNoTracking().SingleAsync()];
            return (mine, efs);
        });

        for (var i = 0; i < efRead.Length; i++)
            Assert.Equal(Describe(efRead[i]), Describe(storeRead[i]));
        Assert.Equal(DateTimeKind.Utc, ((TaskRow)storeRead[0]).Due!.Value.Kind);
    }

    [Fact]
    public async Task OpenRecords_AreReadInChainOrderUntracked_AndDeletedOnlyForTheirChain()
    {
        await using var h = new EngineHarness();
        var chain = Guid.NewGuid().ToString();
        var other = Guid.NewGuid().ToString();
        OpenHistoryRecordRow Open(string id, long seq) => new() { ChainId = id, Seq = seq, Packed = [(byte)seq, 7], Seal = [(byte)seq] };
        await h.Query(async db =>
        {
            // Inserted out of order: the reads must sort by Seq, not by rowid.
            db.AddRange(Open(chain, 9), Open(chain, 1), Open(other, 1), Open(chain, 4));
            await db.SaveChangesAsync();
            return true;
        });

        var (mine, efs) = await h.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var read = await Store(db).OpenRecordsAsync(db, chain, default);
            Assert.Empty(db.ChangeTracker.Entries());
            var efRead = await EfRuntimeStore.Instance.OpenRecordsAsync(db, chain, default);
            await Store(db).DeleteOpenRecordsAsync(db, chain, default);
            await transaction.CommitAsync();
            return (read, efRead);
        });

        Assert.Equal([1L, 4L, 9L], mine.Select(r => r.Seq));
        Assert.Equal(efs.Select(Describe), mine.Select(Describe));
        Assert.Equal([(byte)4, 7], mine[1].Packed);
        var left = await h.Query(db => db.Set<OpenHistoryRecordRow>().AsNoTracking().ToListAsync());
        Assert.Equal(other, Assert.Single(left).ChainId);
    }

    [Fact]
    public async Task TheEfStore_DeletesOpenRecords_OfOneChainOnly()
    {
        await using var h = new EngineHarness();
        await h.Query(async db =>
        {
            db.AddRange(new OpenHistoryRecordRow { ChainId = "a", Seq = 1, Packed = [1], Seal = [] },
                new OpenHistoryRecordRow { ChainId = "b", Seq = 1, Packed = [2], Seal = [] });
            await db.SaveChangesAsync();
            await EfRuntimeStore.Instance.DeleteOpenRecordsAsync(db, "a", default);
            return true;
        });

        Assert.Equal(["b"], await h.Query(db => db.Set<OpenHistoryRecordRow>().Select(r => r.ChainId).ToListAsync()));
    }

    [Fact]
    public async Task ATaskTheContextAlreadyTracks_IsTheOneTheCommandUses()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync();

        await using var scope = h.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var tracked = await db.Set<TaskRow>().SingleAsync(t => t.InstanceId == id);
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(tracked.Id, null, "budi");

        Assert.Equal(["b"], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task EfsSqlFunctions_StayRegistered_OnTheEnginesContext()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync();

        // Regex.IsMatch translates to REGEXP, which only works while EF's regexp function is registered on the connection.
        await using var scope = h.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var open = await db.Set<TaskRow>().Where(t => Regex.IsMatch(t.TaskDefinitionKey, "^[a]$")).Select(t => t.Id).SingleAsync();
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(open, null, "budi");
        Assert.Equal(1, await db.Set<TaskRow>().CountAsync(t => t.InstanceId == id && Regex.IsMatch(t.TaskDefinitionKey, "^b$")));
    }

    private static IRuntimeStore Store(DbContext db) => Assert.IsType<SqliteRuntimeStore>(RuntimeStore.For(db));

    /// <summary>Every column except the rowid and the key, as SQLite shows the stored values and their types, row by row.</summary>
    private static Task<string> StoredAsync(EngineHarness h, string table, string keyColumn, object key) =>
        h.Query(async db =>
        {
            // Table and column names come from this test and from SQLite's own catalogue, never from input.
            var columnsSql = "SELECT name AS \"Value\" FROM pragma_table_info('" + table + "') WHERE name NOT IN ('Id', '" + keyColumn + "') ORDER BY cid";
            var columns = await db.Database.SqlQueryRaw<string>(columnsSql).ToListAsync();
            var rowSql = "SELECT " + string.Join(" || '|' || ", columns.Select(c => $"typeof(\"{c}\") || ':' || quote(\"{c}\")"))
                         + " AS \"Value\" FROM " + table + " WHERE \"" + keyColumn + "\" = {0} ORDER BY 1";
            return string.Join("\n", await db.Database.SqlQueryRaw<string>(rowSql, key).ToListAsync());
        });

    // Every property, with DateTime kinds, so a value read differently (text vs number, local vs UTC) shows.
    private static string Describe(object row) =>
        string.Join("|", row.GetType().GetProperties().Where(p => p.Name != nameof(TaskRow.Candidates)).Select(p => p.GetValue(row) switch
        {
            DateTime time => $"{p.Name}={time:O}/{time.Kind}",
            var value => $"{p.Name}={JsonSerializer.Serialize(value)}",
        }));
}
