using Lapor.Workflows.History;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Tests.History;

public sealed class HistoryChainTests
{
    private static async Task<(EngineHarness Harness, string InstanceId)> CompletedCaseAsync()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("verify", "respond"));
        var id = await h.StartAsync(variables: new { title = "Jalan berlubang" });
        await h.CompleteAsync(id, "verify", new { decision = "verify" }, actor: "inspektorat.ani");
        await h.CompleteAsync(id, "respond", new { response = "Sudah diperbaiki" }, actor: "dpupr.budi");
        return (h, id);
    }

    private static Task<ChainVerification> VerifyAsync(EngineHarness h, string chain) =>
        h.Query(db => new HistoryVerifier(db).VerifyAsync(chain));

    [Fact]
    public async Task UntouchedHistory_Verifies()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var result = await VerifyAsync(h, id);
        Assert.True(result.Intact, result.Problem);
        Assert.True(result.RowsChecked > 15);
        Assert.Empty(await h.Query(db => new HistoryVerifier(db).VerifyAllAsync()));
    }

    [Fact]
    public async Task EveryStateChange_IsAttributedToAnActorAndATime()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var completions = await h.Query(db => db.Set<HistoryEventRow>()
            .Where(r => r.InstanceId == id && r.Kind == HistoryEventKind.UserOperation && r.Name == "Complete").OrderBy(r => r.Seq).ToListAsync());
        Assert.Equal(["inspektorat.ani", "dpupr.budi"], completions.Select(c => c.Actor));
        Assert.All(completions, c => Assert.Equal(DateTimeKind.Utc, c.Time.Kind));
        var variables = await h.Query(db => db.Set<HistoryEventRow>()
            .Where(r => r.InstanceId == id && r.Kind == HistoryEventKind.VariableSet).Select(r => r.Name).ToListAsync());
        Assert.Equal(["title", "decision", "response"], variables);
    }

    [Fact]
    public async Task EditingARow_IsReportedAtThatRow()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var target = await h.Query(db => db.Set<HistoryEventRow>().SingleAsync(r => r.InstanceId == id && r.Kind == HistoryEventKind.VariableSet && r.Name == "response"));
        await h.Query(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE wf_history_event SET Value = 'Tidak ditanggapi' WHERE Id = {target.Id}"));

        var result = await VerifyAsync(h, id);
        Assert.False(result.Intact);
        Assert.Equal(target.Seq, result.BrokenAtSeq);
        Assert.Contains("changed", result.Problem);
    }

    [Fact]
    public async Task ChangingTheActor_IsReported()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var target = await h.Query(db => db.Set<HistoryEventRow>().FirstAsync(r => r.InstanceId == id && r.Actor == "dpupr.budi"));
        await h.Query(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE wf_history_event SET Actor = 'someone.else' WHERE Id = {target.Id}"));
        Assert.Equal(target.Seq, (await VerifyAsync(h, id)).BrokenAtSeq);
    }

    [Fact]
    public async Task DeletingARowInTheMiddle_IsReportedWhereItWas()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        await h.Query(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM wf_history_event WHERE ChainId = {id} AND Seq = 5"));
        var result = await VerifyAsync(h, id);
        Assert.Equal(5, result.BrokenAtSeq);
        Assert.Contains("missing", result.Problem);
    }

    [Fact]
    public async Task DeletingTheNewestRows_IsReportedThroughTheChainHead()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var last = await h.Query(db => db.Set<HistoryEventRow>().Where(r => r.ChainId == id).MaxAsync(r => r.Seq));
        await h.Query(db => db.Database.ExecuteSqlInterpolatedAsync($"DELETE FROM wf_history_event WHERE ChainId = {id} AND Seq >= {last - 1}"));
        var result = await VerifyAsync(h, id);
        Assert.False(result.Intact);
        Assert.Equal(last - 1, result.BrokenAtSeq);
    }

    [Fact]
    public async Task DeploymentsAreChainedToo()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var result = await VerifyAsync(h, Deployer.EngineChain);
        Assert.True(result.Intact);
        Assert.Equal(2, result.RowsChecked);
    }
}
