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
    public async Task EditingARow_IsReportedAtTheCommandThatWroteIt()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var target = await h.Query(db => db.Set<HistoryEventRow>().SingleAsync(r => r.InstanceId == id && r.Kind == HistoryEventKind.VariableSet && r.Name == "response"));
        var rows = await h.Query(db => db.Set<HistoryEventRow>().Where(r => r.ChainId == id).OrderBy(r => r.Seq).ToListAsync());
        // The command's rows run from the row after the previous command's sealed one to the next sealed one.
        var first = rows.Last(r => r.Seq < target.Seq && r.Hash.Length > 0).Seq + 1;
        var last = rows.First(r => r.Seq >= target.Seq && r.Hash.Length > 0).Seq;
        await h.Query(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE wf_history_event SET Value = 'Tidak ditanggapi' WHERE Id = {target.Id}"));

        var result = await VerifyAsync(h, id);
        Assert.False(result.Intact);
        Assert.Equal(first, result.BrokenAtSeq);
        Assert.Contains($"one of rows {first}–{last} (written by one command) was changed", result.Problem);
    }

    [Fact]
    public async Task EachCommand_SealsItsRowsWithOneHash_OnItsLastRow()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var rows = await h.Query(db => db.Set<HistoryEventRow>().Where(r => r.ChainId == id).OrderBy(r => r.Seq).ToListAsync());
        var head = await h.Query(db => db.Set<HistoryChainRow>().SingleAsync(c => c.ChainId == id));

        // Start, and the two completions: three hashes for the whole case, the last one the chain head's.
        var sealedRows = rows.Where(r => r.Hash.Length > 0).ToList();
        Assert.Equal(3, sealedRows.Count);
        Assert.Equal(rows[^1].Seq, sealedRows[^1].Seq);
        Assert.Equal(head.LastHash, sealedRows[^1].Hash);
        Assert.Equal(HistoryHash.Compute(HistoryHash.Genesis, rows.TakeWhile(r => r.Seq <= sealedRows[0].Seq).ToList()), sealedRows[0].Hash);
    }

    [Fact]
    public async Task RowsHashedOneByOne_AsTheEarlierReleaseWroteThem_StillVerify_AndCommandsAfterThemToo()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("verify", "respond"));
        var id = await h.StartAsync(variables: new { title = "Jalan berlubang" });
        await h.CompleteAsync(id, "verify", new { decision = "verify" }, actor: "inspektorat.ani");
        var legacy = await RehashRowByRowAsync(h, id);

        await h.CompleteAsync(id, "respond", new { response = "Sudah diperbaiki" }, actor: "dpupr.budi");
        var result = await VerifyAsync(h, id);
        Assert.True(result.Intact, result.Problem);
        Assert.True(result.RowsChecked > legacy);

        // An old row keeps its own hash, so an edit there is still found at the very row.
        await h.Query(db => db.Database.ExecuteSqlInterpolatedAsync($"UPDATE wf_history_event SET Actor = 'someone.else' WHERE ChainId = {id} AND Seq = 4"));
        var broken = await VerifyAsync(h, id);
        Assert.Equal(4, broken.BrokenAtSeq);
        Assert.Contains("row 4 (", broken.Problem);
    }

    [Fact]
    public async Task AnActivityDirectlyInTheProcess_RecordsNoParent_TheInstanceBeingIt()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var parents = await h.Query(db => db.Set<HistoryEventRow>().Where(r => r.ChainId == id && r.Kind == HistoryEventKind.ActivityStarted)
            .Select(r => r.ParentActivityInstanceId).ToListAsync());
        Assert.NotEmpty(parents);
        Assert.All(parents, Assert.Null);
    }

    [Fact]
    public async Task SettingAVariableToTheValueItHolds_RecordsNoSecondCopy()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("verify", "respond"));
        var id = await h.StartAsync(variables: new { agency = "dishub" });
        await h.CompleteAsync(id, "verify", new { agency = "dishub", decision = "verify" });
        await h.CompleteAsync(id, "respond", new { agency = "puprkim" });

        var sets = await h.Query(db => db.Set<HistoryEventRow>().Where(r => r.ChainId == id && r.Kind == HistoryEventKind.VariableSet)
            .OrderBy(r => r.Seq).Select(r => r.Name + "=" + r.Value).ToListAsync());
        Assert.Equal(["agency=dishub", "decision=verify", "agency=puprkim"], sets);
    }

    /// <summary>Gives every row its own hash, as release 1 wrote history (one hash per row, chained); returns the rows.</summary>
    private static Task<int> RehashRowByRowAsync(EngineHarness h, string chainId) => h.Query(async db =>
    {
        var rows = await db.Set<HistoryEventRow>().Where(r => r.ChainId == chainId).OrderBy(r => r.Seq).ToListAsync();
        var previous = HistoryHash.Genesis;
        foreach (var row in rows)
            previous = row.Hash = HistoryHash.Compute(previous, [row]);
        var head = await db.Set<HistoryChainRow>().SingleAsync(c => c.ChainId == chainId);
        head.LastHash = previous;
        await db.SaveChangesAsync();
        return rows.Count;
    });

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
