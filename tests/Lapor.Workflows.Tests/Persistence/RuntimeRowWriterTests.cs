using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Tests.Persistence;

/// <summary>
/// The engine writes its runtime rows without EF's update pipeline (and on SQLite through statements it keeps
/// compiled); the stored rows must be exactly what EF would have stored, and EF's concurrency checks must still hold.
/// </summary>
public sealed class RuntimeRowWriterTests
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

    [Fact]
    public async Task InsertedRows_AreStoredExactlyAsEfStoresThem()
    {
        await using var h = new EngineHarness();
        await h.Query(async db =>
        {
            db.AddRange(Task("ef"), Instance("ef"));
            await db.SaveChangesAsync();
            db.ChangeTracker.Clear();
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.AddRange(Task("engine"), Instance("engine"));
            db.ChangeTracker.DetectChanges();
            var writer = new RuntimeRowWriter(db);
            await writer.InsertAndUpdateAsync(default);
            Assert.Equal(0, await db.SaveChangesAsync());
            await transaction.CommitAsync();
            return true;
        });

        Assert.Equal(await StoredAsync(h, "wf_task", "ef"), await StoredAsync(h, "wf_task", "engine"));
        Assert.Equal(await StoredAsync(h, "wf_process_instance", "ef"), await StoredAsync(h, "wf_process_instance", "engine"));
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
            return await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => new RuntimeRowWriter(db).InsertAndUpdateAsync(default));
        });
        Assert.Contains("wf_task", conflict.Message);

        await h.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var task = await db.Set<TaskRow>().SingleAsync(t => t.Id == "t");
            task.Assignee = "ketut";
            task.Revision++;
            db.ChangeTracker.DetectChanges();
            await new RuntimeRowWriter(db).InsertAndUpdateAsync(default);
            await transaction.CommitAsync();
            return true;
        });
        var stored = await h.Query(db => db.Set<TaskRow>().AsNoTracking().SingleAsync(t => t.Id == "t"));
        Assert.Equal(("ketut", 3, "sari"), (stored.Assignee, stored.Revision, stored.Owner));
    }

    [Fact]
    public async Task DeletedRows_GoAfterSaveChanges_AndOnlyWithTheirTokenUnchanged()
    {
        await using var h = new EngineHarness();
        await h.Query(async db =>
        {
            db.AddRange(Task("a"), Task("b"));
            await db.SaveChangesAsync();
            return true;
        });

        await h.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Remove(await db.Set<TaskRow>().SingleAsync(t => t.Id == "a"));
            db.ChangeTracker.DetectChanges();
            var writer = new RuntimeRowWriter(db);
            await writer.InsertAndUpdateAsync(default);
            Assert.Equal(1, await db.Set<TaskRow>().CountAsync(t => t.Id == "a"));
            await writer.DeleteAsync(default);
            await transaction.CommitAsync();
            return true;
        });
        Assert.Equal(["b"], await h.Query(db => db.Set<TaskRow>().Select(t => t.Id).ToListAsync()));

        await h.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            db.Remove(await db.Set<TaskRow>().SingleAsync(t => t.Id == "b"));
            await db.Database.ExecuteSqlRawAsync("UPDATE wf_task SET \"Revision\" = 9 WHERE \"Id\" = 'b'");
            db.ChangeTracker.DetectChanges();
            var writer = new RuntimeRowWriter(db);
            await writer.InsertAndUpdateAsync(default);
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => writer.DeleteAsync(default));
            return true;
        });
    }

    /// <summary>Every column except the key, as SQLite shows the stored value and its type.</summary>
    private static Task<string> StoredAsync(EngineHarness h, string table, string id) =>
        h.Query(async db =>
        {
            // Table and column names come from this test and from SQLite's own catalogue, never from input.
            var columnsSql = "SELECT name AS \"Value\" FROM pragma_table_info('" + table + "') WHERE name <> 'Id' ORDER BY cid";
            var columns = await db.Database.SqlQueryRaw<string>(columnsSql).ToListAsync();
            var rowSql = "SELECT " + string.Join(" || '|' || ", columns.Select(c => $"typeof(\"{c}\") || ':' || quote(\"{c}\")"))
                         + " AS \"Value\" FROM " + table + " WHERE \"Id\" = {0}";
            return await db.Database.SqlQueryRaw<string>(rowSql, id).SingleAsync();
        });
}
