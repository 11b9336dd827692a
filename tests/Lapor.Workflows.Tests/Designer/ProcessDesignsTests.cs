using Lapor.Workflows.History;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Designer;

/// <summary>Drafts, checks, publishing and rollback as the designer uses them: real engine, real SQLite file.</summary>
public sealed class ProcessDesignsTests
{
    // A half-drawn model: the end event was placed but no flow leads to it.
    private static readonly string DanglingTask = Bpmn.Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="verify" camunda:assignee="demo"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="verify"/>
        """);

    private static async Task<T> Designs<T>(EngineHarness h, Func<ProcessDesigns, Task<T>> action)
    {
        await using var scope = h.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<ProcessDesigns>());
    }

    [Theory]
    [InlineData("<!DOCTYPE d [ <!ENTITY nama \"Verifikasi\"> ]>", "DOCTYPE")]
    [InlineData("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"p\">", "not well-formed")]
    public async Task ADraftTheReaderRefuses_IsNotStored_AndSaysWhy(string prefix, string says)
    {
        await using var h = new EngineHarness();
        var xml = prefix + Bpmn.Sequence("a");
        var refused = await Assert.ThrowsAsync<Errors.WorkflowException>(() => Designs(h, d => d.SaveDraftAsync("p", xml, "koordinator")));
        Assert.Contains(says, refused.Message);
        Assert.Null(await Designs(h, d => d.FindDraftAsync("p")));
    }

    [Fact]
    public async Task SavingADraft_StoresIt_LogsTheOperation_AndLeavesRunningCasesOnThePublishedVersion()
    {
        await using var h = new EngineHarness();
        var v1 = Assert.Single((await h.DeployAsync(Bpmn.Sequence("a"))).Deployed);

        await Designs(h, d => d.SaveDraftAsync("p", Bpmn.Sequence("x", "y"), "koordinator"));
        await Designs(h, d => d.SaveDraftAsync("p", DanglingTask, "koordinator"));
        var started = await h.StartAsync();

        var draft = await Designs(h, d => d.FindDraftAsync("p"));
        Assert.Equal((DanglingTask, "koordinator", 1), (draft!.Xml, draft.SavedBy, draft.BaseVersion));
        Assert.Equal(1, await h.Query(db => db.Set<ProcessDefinitionRow>().CountAsync()));
        Assert.Equal(v1.Id, (await h.InstanceAsync(started)).DefinitionId);
        Assert.Equal(["a"], await h.PositionsAsync(started));

        var log = await h.Query(async db => (await new HistoryEvents(db).AllAsync())
            .Where(r => r.Kind == HistoryEventKind.UserOperation && r.Name == ProcessDesigns.SaveDraftOperation).ToList());
        Assert.Equal(2, log.Count);
        Assert.All(log, r => Assert.Equal(("koordinator", "p", Deployer.EngineChain), (r.Actor, r.Value, r.ChainId)));
        Assert.True((await h.Query(db => new HistoryVerifier(db).VerifyAsync(Deployer.EngineChain))).Intact);
    }

    [Fact]
    public async Task Check_NamesTheElementOfEveryProblem_AndAcceptsAValidModel()
    {
        await using var h = new EngineHarness();

        var problems = await Designs(h, d => Task.FromResult(d.Check(DanglingTask)));
        var valid = await Designs(h, d => Task.FromResult(d.Check(Bpmn.Sequence("a"))));
        var broken = await Designs(h, d => Task.FromResult(d.Check("<bpmn:definitions")));

        Assert.Contains(problems, p => p.ElementId == "end" && p.Message.Contains("no incoming", StringComparison.Ordinal));
        Assert.Empty(valid);
        Assert.Single(broken);
    }

    [Fact]
    public async Task Publishing_CreatesTheNextVersionWithCommentAndAuthor_AndDiscardsTheDraft()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        await Designs(h, d => d.SaveDraftAsync("p", Bpmn.Sequence("a", "b"), "koordinator"));

        var result = await Designs(h, d => d.PublishAsync(Bpmn.Sequence("a", "b"), "  Tambah langkah b  ", "koordinator"));
        var fresh = await h.StartAsync();

        var versions = await Designs(h, d => d.VersionsAsync("p"));
        Assert.Equal([2, 1], versions.Select(v => v.Version));
        Assert.Equal(("koordinator", "Tambah langkah b", ProcessDesigns.Source), (versions[0].DeployedBy, versions[0].Comment, versions[0].Source));
        Assert.Equal(result.Deployed[0].Id, (await h.InstanceAsync(fresh)).DefinitionId);
        Assert.Null(await Designs(h, d => d.FindDraftAsync("p")));
        var logged = await h.Query(async db => (await new HistoryEvents(db).OfChainAsync(Deployer.EngineChain)).Where(r => r.Kind == HistoryEventKind.Deployment).ToList());
        Assert.Equal("koordinator", logged[^1].Actor);
        Assert.Contains("Tambah langkah b", logged[^1].Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PublishingAnInvalidModel_IsRefusedWithElementErrors_AndChangesNothing()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        await Designs(h, d => d.SaveDraftAsync("p", DanglingTask, "koordinator"));
        var historyBefore = await h.Query(async db => (await new HistoryEvents(db).AllAsync()).Count);

        var refused = await Assert.ThrowsAsync<DefinitionException>(() => Designs(h, d => d.PublishAsync(DanglingTask, "kurang alur", "koordinator")));

        Assert.Contains(refused.Problems, p => p.ElementId == "end");
        Assert.Equal(1, await h.Query(db => db.Set<ProcessDefinitionRow>().CountAsync()));
        Assert.Equal(1, await h.Query(db => db.Set<DeploymentRow>().CountAsync()));
        Assert.Equal(historyBefore, await h.Query(async db => (await new HistoryEvents(db).AllAsync()).Count));
        Assert.Equal(DanglingTask, (await Designs(h, d => d.FindDraftAsync("p")))!.Xml);
    }

    [Fact]
    public async Task RollingBack_PublishesTheOlderXmlAsANewVersion_AndKeepsTheDraft()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        await Designs(h, d => d.PublishAsync(Bpmn.Sequence("x"), "coba x", "koordinator"));
        var onTwo = await h.StartAsync();
        await Designs(h, d => d.SaveDraftAsync("p", Bpmn.Sequence("z"), "koordinator"));

        await Assert.ThrowsAsync<Errors.WorkflowException>(() => Designs(h, d => d.RollBackAsync("p", 1, "  ", "koordinator")));
        Assert.Equal(2, (await Designs(h, d => d.VersionsAsync("p"))).Count);
        var result = await Designs(h, d => d.RollBackAsync("p", 1, "Tenggat x terlalu pendek", "koordinator"));
        var onThree = await h.StartAsync();

        var three = Assert.Single(result.Deployed);
        Assert.Equal(3, three.Version);
        Assert.Equal((await Designs(h, d => d.FindVersionAsync("p", 1)))!.Xml, three.Xml);
        Assert.Equal("Tenggat x terlalu pendek", (await Designs(h, d => d.VersionsAsync("p")))[0].Comment);
        var logged = await h.Query(async db => (await new HistoryEvents(db).OfChainAsync(Deployer.EngineChain)).Single(e => e.Kind == HistoryEventKind.UserOperation && e.Name == "RollBack"));
        Assert.Equal(("koordinator", "p"), (logged.Actor, logged.Value));
        Assert.Equal(new ProcessDesigns.RollBackDetail("p", 1, 3, "Tenggat x terlalu pendek"), System.Text.Json.JsonSerializer.Deserialize<ProcessDesigns.RollBackDetail>(logged.Detail!));
        Assert.Equal(["x"], await h.PositionsAsync(onTwo));
        Assert.Equal(["a"], await h.PositionsAsync(onThree));
        Assert.NotNull(await Designs(h, d => d.FindDraftAsync("p")));
        await Assert.ThrowsAsync<Errors.WorkflowNotFoundException>(() => Designs(h, d => d.RollBackAsync("p", 9, "salah", "koordinator")));
    }
}
