using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Tests.Persistence;

/// <summary>The SQLite file the engine creates: runtime rows clustered on their key, history on a plain rowid.</summary>
public sealed class SqliteLayoutTests
{
    [Theory]
    [InlineData("wf_process_instance")]
    [InlineData("wf_execution")]
    [InlineData("wf_variable")]
    [InlineData("wf_job")]
    [InlineData("wf_message_subscription")]
    [InlineData("wf_incident")]
    [InlineData("wf_history_chain")]
    public async Task RuntimeTables_AreStoredInKeyOrder(string table)
    {
        await using var h = new EngineHarness();
        Assert.EndsWith("WITHOUT ROWID", await CreateStatementAsync(h, table));
    }

    [Theory]
    [InlineData("wf_history_event")]
    [InlineData("wf_task")]
    [InlineData("wf_task_candidate")]
    [InlineData("wf_process_definition")]
    public async Task OtherTables_KeepTheirRowid_AndNoTableUsesAutoincrement(string table)
    {
        await using var h = new EngineHarness();
        var sql = await CreateStatementAsync(h, table);
        Assert.DoesNotContain("WITHOUT ROWID", sql);
        Assert.DoesNotContain("AUTOINCREMENT", sql);
        // AUTOINCREMENT would make SQLite keep sqlite_sequence, a table rewritten on every insert.
        Assert.Equal(0, await h.Query(db => db.Database.SqlQueryRaw<int>("SELECT count(*) AS \"Value\" FROM sqlite_master WHERE name = 'sqlite_sequence'").SingleAsync()));
    }

    [Fact]
    public async Task History_IsIndexedByChainAndByTaskOnly()
    {
        await using var h = new EngineHarness();
        var indexes = await h.Query(db => db.Database.SqlQuery<string>(
            $"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'index' AND tbl_name = 'wf_history_event' AND sql IS NOT NULL ORDER BY name").ToListAsync());
        Assert.Equal(
        [
            "CREATE UNIQUE INDEX \"IX_wf_history_event_ChainId_Seq\" ON \"wf_history_event\" (\"ChainId\", \"Seq\")",
            "CREATE INDEX \"IX_wf_history_event_TaskId\" ON \"wf_history_event\" (\"TaskId\") WHERE \"TaskId\" IS NOT NULL",
        ], indexes);
    }

    [Fact]
    public async Task AVersionsRunningInstances_AreFoundByAnIndexThatEndedInstancesLeave()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        var running = await h.StartAsync();
        await h.CompleteAsync(await h.StartAsync(), "a");

        var definitionId = (await h.InstanceAsync(running)).DefinitionId;
        var query = h.Query(db => Task.FromResult(db.Set<ProcessInstanceRow>()
            .Where(i => i.DefinitionId == definitionId && i.Status == InstanceStatus.Active).ToQueryString()));
        var plan = await h.Query(async db => await QueryPlan.OfAsync(db, await query));
        Assert.Contains("IX_wf_process_instance_DefinitionId", plan);
        var index = await h.Query(db => db.Database.SqlQueryRaw<string>(
            "SELECT sql AS \"Value\" FROM sqlite_master WHERE name = 'IX_wf_process_instance_DefinitionId'").SingleAsync());
        Assert.EndsWith("WHERE \"Status\" = 'Active'", index);
    }

    [Fact]
    public async Task AnInstancesEvents_AreAllOnItsOwnChain_SoReadingTheChainFindsThem()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync(variables: new { title = "Trotoar rusak" });
        var task = await h.SingleTaskAsync(id, "a");
        await h.With(e => e.UnclaimAsync(task.Id, "koordinator"));
        await h.With(e => e.ClaimAsync(task.Id, "budi", "budi"));
        await h.CompleteAsync(id, "a", new { decision = "verify" });
        await h.With(e => e.SuspendAsync(id, "menunggu data", "koordinator"));
        await h.With(e => e.ResumeAsync(id, null, "koordinator"));

        var byInstance = await h.Query(async db => (await new HistoryEvents(db).AllAsync()).Where(r => r.InstanceId == id).Select(r => (r.ChainId, r.Seq)).ToList());
        var byChain = await h.Query(async db => (await new HistoryEvents(db).OfChainAsync(id)).Where(r => r.InstanceId == id).Select(r => (r.ChainId, r.Seq)).ToList());
        Assert.True(byInstance.Count > 8, $"only {byInstance.Count} events");
        Assert.Equal(byInstance, byChain);
    }

    [Fact]
    public async Task ClusteredTables_StillWorkThroughACompleteInstance()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync(variables: new { title = "Lampu jalan padam" });
        await h.CompleteAsync(id, "a", new { decision = "verify" });
        await h.CompleteAsync(id, "b");
        Assert.Equal(Lapor.Workflows.Execution.InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
        Assert.Equal("verify", (await h.LastVariablesAsync(id))["decision"]);
    }

    private static Task<string> CreateStatementAsync(EngineHarness h, string table) =>
        h.Query(db => db.Database.SqlQuery<string>($"SELECT sql AS \"Value\" FROM sqlite_master WHERE type = 'table' AND name = {table}").SingleAsync());
}
