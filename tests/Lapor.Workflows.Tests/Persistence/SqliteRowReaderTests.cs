using System.Text.Json;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Persistence;

/// <summary>On SQLite the engine reads its rows without EF queries; what it reads must be what EF would have read.</summary>
public sealed class SqliteRowReaderTests
{
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

        var (engineRead, efRead) = await h.Query(async db =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync();
            var connection = (SqliteConnection)db.Database.GetDbConnection();
            var reader = SqliteRowReader.For(db);
            var loaded = reader.TaskWithInstance(db, connection, "t")!;
            object[] mine = [loaded.Task, loaded.Instance!, loaded.Head!, reader.Candidates(db, connection, "t").Single(),
                reader.Executions(db, connection, "i").Single(), reader.Variables(db, connection, "i").Single()];
            db.ChangeTracker.Clear();
            object[] efs = [await db.Set<TaskRow>().AsNoTracking().SingleAsync(), await db.Set<ProcessInstanceRow>().AsNoTracking().SingleAsync(),
                await db.Set<HistoryChainRow>().AsNoTracking().SingleAsync(c => c.ChainId == "i"), await db.Set<TaskCandidateRow>().AsNoTracking().SingleAsync(),
                await db.Set<ExecutionRow>().AsNoTracking().SingleAsync(), await db.Set<VariableRow>().AsNoTracking().SingleAsync()];
            return (mine, efs);
        });

        for (var i = 0; i < efRead.Length; i++)
            Assert.Equal(Describe(efRead[i]), Describe(engineRead[i]));
        Assert.Equal(DateTimeKind.Utc, ((TaskRow)engineRead[0]).Due!.Value.Kind);
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

    // Every property, with DateTime kinds, so a value read differently (text vs number, local vs UTC) shows.
    private static string Describe(object row) =>
        string.Join("|", row.GetType().GetProperties().Where(p => p.Name != nameof(TaskRow.Candidates)).Select(p => p.GetValue(row) switch
        {
            DateTime time => $"{p.Name}={time:O}/{time.Kind}",
            var value => $"{p.Name}={JsonSerializer.Serialize(value)}",
        }));
}
