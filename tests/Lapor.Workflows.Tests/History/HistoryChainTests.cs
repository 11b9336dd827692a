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

    private static Task<List<HistoryEventRow>> EventsAsync(EngineHarness h, string chain) =>
        h.Query(db => new HistoryEvents(db).OfChainAsync(chain));

    [Fact]
    public async Task EveryStateChange_IsAttributedToAnActorAndATime()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var events = await EventsAsync(h, id);
        var completions = events.Where(r => r.Kind == HistoryEventKind.UserOperation && r.Name == "Complete").ToList();
        Assert.Equal(["inspektorat.ani", "dpupr.budi"], completions.Select(c => c.Actor));
        Assert.All(completions, c => Assert.Equal(DateTimeKind.Utc, c.Time.Kind));
        var variables = events.Where(r => r.Kind == HistoryEventKind.VariableSet).Select(r => r.Name).ToList();
        Assert.Equal(["title", "decision", "response"], variables);
    }

    [Fact]
    public async Task AFinishedCase_IsOneRecord_AndARunningOneARecordPerCommand()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("verify", "respond"));
        var id = await h.StartAsync(variables: new { title = "Jalan berlubang" });
        await h.CompleteAsync(id, "verify", new { decision = "verify" });
        var running = await HistoryTampering.RecordsAsync(h, id);
        Assert.Equal(2, running.Count);
        Assert.All(running, r => Assert.IsType<OpenHistoryRecordRow>(r));
        Assert.Equal(1, running[0].Seq);

        await h.CompleteAsync(id, "respond", new { response = "Sudah diperbaiki" });
        var finished = Assert.IsType<HistoryRecordRow>(Assert.Single(await HistoryTampering.RecordsAsync(h, id)));
        Assert.Equal(1, finished.Seq);
        var events = await EventsAsync(h, id);
        Assert.Equal(Enumerable.Range(1, events.Count).Select(i => (long)i), events.Select(e => e.Seq));
        Assert.Equal(HistoryEventKind.InstanceEnded, events[^1].Kind);
        Assert.True((await VerifyAsync(h, id)).Intact);
    }

    [Fact]
    public async Task EditingAnEvent_IsReportedAtTheRecordThatHoldsIt()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var target = (await EventsAsync(h, id)).Single(r => r.Kind == HistoryEventKind.VariableSet && r.Name == "response");
        var record = await HistoryTampering.EditEventAsync(h, id, target.Seq, e => e.Value = "Tidak ditanggapi");
        var last = (await EventsAsync(h, id)).Max(e => e.Seq);

        var result = await VerifyAsync(h, id);
        Assert.False(result.Intact);
        Assert.Equal(record.Seq, result.BrokenAtSeq);
        Assert.Contains($"one of events {record.Seq}–{last} (stored in one record) was changed", result.Problem);
    }

    [Fact]
    public async Task DamagedRecordBytes_AreReported_NotThrown()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        await h.Query(async db =>
        {
            var record = await db.Set<HistoryRecordRow>().SingleAsync(r => r.ChainId == id);
            Assert.False(await db.Set<OpenHistoryRecordRow>().AnyAsync(r => r.ChainId == id));
            record.Packed = record.Packed[..(record.Packed.Length / 2)];
            return await db.SaveChangesAsync();
        });
        var result = await VerifyAsync(h, id);
        Assert.False(result.Intact);
        Assert.Equal(1, result.BrokenAtSeq);
        Assert.Contains("cannot be read", result.Problem);
    }

    [Fact]
    public async Task EachCommand_SealsItsEventsWithOneHash_OnItsLastEvent()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var rows = await EventsAsync(h, id);
        var head = await h.Query(db => db.Set<HistoryChainRow>().SingleAsync(c => c.ChainId == id));

        // Start, and the two completions: three hashes for the whole case, the last one the chain head's.
        var sealedRows = rows.Where(r => r.Hash.Length > 0).ToList();
        Assert.Equal(3, sealedRows.Count);
        Assert.Equal(rows[^1].Seq, sealedRows[^1].Seq);
        Assert.Equal(head.LastHash, sealedRows[^1].Hash);
        Assert.Equal(HistoryHash.Compute(HistoryHash.Genesis, rows.TakeWhile(r => r.Seq <= sealedRows[0].Seq).ToList()), sealedRows[0].Hash);
    }

    [Fact]
    public async Task RowsHashedOneByOne_AsTheEarlierReleaseWroteThem_StillVerify_AndRecordsAfterThemToo()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("verify", "respond"));
        var id = await h.StartAsync(variables: new { title = "Jalan berlubang" });
        await h.CompleteAsync(id, "verify", new { decision = "verify" }, actor: "inspektorat.ani");
        var legacy = await HistoryTampering.RewriteAsLegacyRowsAsync(h, id);

        await h.CompleteAsync(id, "respond", new { response = "Sudah diperbaiki" }, actor: "dpupr.budi");
        var result = await VerifyAsync(h, id);
        Assert.True(result.Intact, result.Problem);
        Assert.True(result.RowsChecked > legacy);
        var record = Assert.Single(await HistoryTampering.RecordsAsync(h, id));
        Assert.Equal(legacy + 1, record.Seq);
        Assert.Equal(HistoryEventKind.InstanceEnded, (await EventsAsync(h, id))[^1].Kind);

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
        var parents = (await EventsAsync(h, id)).Where(r => r.Kind == HistoryEventKind.ActivityStarted).Select(r => r.ParentActivityInstanceId).ToList();
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

        var sets = (await EventsAsync(h, id)).Where(r => r.Kind == HistoryEventKind.VariableSet).Select(r => r.Name + "=" + r.Value).ToList();
        Assert.Equal(["agency=dishub", "decision=verify", "agency=puprkim"], sets);
    }

    [Fact]
    public async Task ChangingTheActor_IsReported()
    {
        var (h, id) = await CompletedCaseAsync();
        await using var _ = h;
        var target = (await EventsAsync(h, id)).First(r => r.Actor == "dpupr.budi");
        var record = await HistoryTampering.EditEventAsync(h, id, target.Seq, e => e.Actor = "someone.else");
        Assert.Equal(record.Seq, (await VerifyAsync(h, id)).BrokenAtSeq);
    }

    /// <summary>A case that is not finished: a record per command so far.</summary>
    private static async Task<(EngineHarness Harness, string InstanceId)> RunningCaseAsync()
    {
        var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("verify", "respond", "confirm"));
        var id = await h.StartAsync(variables: new { title = "Jalan berlubang" });
        await h.CompleteAsync(id, "verify", new { decision = "verify" });
        await h.CompleteAsync(id, "respond", new { response = "Sudah diperbaiki" });
        return (h, id);
    }

    [Fact]
    public async Task DeletingARecordInTheMiddle_IsReportedWhereItWas()
    {
        var (h, id) = await RunningCaseAsync();
        await using var _ = h;
        var records = await HistoryTampering.RecordsAsync(h, id);
        Assert.Equal(3, records.Count);
        var deleted = await HistoryTampering.DeleteRecordAsync(h, id, records[1].Seq);
        var result = await VerifyAsync(h, id);
        Assert.Equal(deleted, result.BrokenAtSeq);
        Assert.Contains("missing", result.Problem);
    }

    [Fact]
    public async Task DeletingTheNewestRecord_IsReportedThroughTheChainHead()
    {
        var (h, id) = await RunningCaseAsync();
        await using var _ = h;
        var records = await HistoryTampering.RecordsAsync(h, id);
        var deleted = await HistoryTampering.DeleteRecordAsync(h, id, records[^1].Seq);
        var result = await VerifyAsync(h, id);
        Assert.False(result.Intact);
        Assert.Equal(deleted, result.BrokenAtSeq);
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
