using System.Text.Json;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Decisions;

public sealed class BusinessRuleTaskTests
{
    private static string Routed(string attributes = """camunda:resultVariable="agency" camunda:mapDecisionResult="singleEntry" """) => Bpmn.Process($"""
        <bpmn:startEvent id="start"/>
        <bpmn:businessRuleTask id="route" name="Usulkan instansi" camunda:decisionRef="rute" {attributes}/>
        <bpmn:userTask id="verify" camunda:candidateGroups="inspektorat"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="route"/>
        <bpmn:sequenceFlow id="f2" sourceRef="route" targetRef="verify"/>
        <bpmn:sequenceFlow id="f3" sourceRef="verify" targetRef="end"/>
        """);

    private static async Task<EngineHarness> DeployedAsync(string? process = null)
    {
        var h = new EngineHarness();
        await h.DeployAsync(Dmn.Routing(), "rute.dmn");
        await h.DeployAsync(process ?? Routed());
        return h;
    }

    [Fact]
    public async Task TheDecisionSetsTheResultVariable_AndItsHistoryJoinsTheChain()
    {
        await using var h = await DeployedAsync();
        var id = await h.StartAsync(variables: new { kategori = "air-bersih" });

        Assert.Equal("puprkim", (await h.VariablesAsync(id))["agency"]);
        Assert.Equal(["verify"], await h.PositionsAsync(id));
        var row = await h.Query(async db => (await new HistoryEvents(db).OfChainAsync(id)).Single(r => r.InstanceId == id && r.Kind == HistoryEventKind.DecisionEvaluated));
        Assert.Equal("route", row.ActivityId);
        Assert.Equal("businessRuleTask", row.ActivityType);
        Assert.Equal("rute", row.Name);
        using var detail = JsonDocument.Parse(row.Detail!);
        var root = detail.RootElement;
        Assert.Equal(1, root.GetProperty("Version").GetInt32());
        Assert.Equal("air-bersih", root.GetProperty("Inputs")[0].GetProperty("Value").GetProperty("Text").GetString());
        Assert.Equal([1], root.GetProperty("MatchedRules").EnumerateArray().Select(r => r.GetProperty("Number").GetInt32()));
        Assert.Equal("puprkim", root.GetProperty("Outputs")[0].GetProperty("agency").GetProperty("Text").GetString());
        var chain = await h.Query(db => new HistoryVerifier(db).VerifyAsync(id));
        Assert.True(chain.Intact, chain.Problem);
    }

    [Fact]
    public async Task TheLatestVersionIsUsed_AndAFixedVersionBindingKeepsItsOwn()
    {
        await using var h = await DeployedAsync();
        await h.DeployAsync(Dmn.Table("rute", "FIRST", ["kategori"], ["agency"], [["-", "\"dinkes\""]]), "rute.dmn");
        Assert.Equal("dinkes", (await h.VariablesAsync(await h.StartAsync(variables: new { kategori = "jalan" })))["agency"]);

        await h.DeployAsync(Routed("""camunda:resultVariable="agency" camunda:mapDecisionResult="singleEntry" camunda:decisionRefBinding="version" camunda:decisionRefVersion="1" """));
        Assert.Equal("puprkim", (await h.VariablesAsync(await h.StartAsync(variables: new { kategori = "jalan" })))["agency"]);
    }

    [Fact]
    public async Task ResultMappings_FollowCamunda()
    {
        await using var h = await DeployedAsync(Routed("""camunda:resultVariable="result" """));
        var list = await h.VariablesAsync(await h.StartAsync(variables: new { kategori = "jalan" }));
        Assert.Equal("""[{"agency":"puprkim"}]""", list["result"]);

        await h.DeployAsync(Routed("""camunda:resultVariable="result" camunda:mapDecisionResult="singleResult" """));
        Assert.Equal("""{"agency":"dinkes"}""", (await h.VariablesAsync(await h.StartAsync(variables: new { kategori = "kesehatan" })))["result"]);

        await h.DeployAsync(Routed("""camunda:resultVariable="result" camunda:mapDecisionResult="collectEntries" """));
        Assert.Equal("""["inspektorat"]""", (await h.VariablesAsync(await h.StartAsync(variables: new { kategori = "lain" })))["result"]);
    }

    [Fact]
    public async Task AnAmbiguousUniqueTable_FailsTheTask_UntilAnIncidentIsRaised()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Dmn.Table("rute", "UNIQUE", ["kategori"], ["agency"], [["\"jalan\"", "\"puprkim\""], ["-", "\"inspektorat\""]]), "rute.dmn");
        await h.DeployAsync(Routed());
        var id = await h.StartAsync(variables: new { kategori = "jalan" });
        Assert.Equal(["route"], await h.PositionsAsync(id));
        for (var i = 0; i < 3; i++)
            await h.AdvanceAsync(TimeSpan.FromMinutes(6));
        var incident = await h.Query(db => db.Set<IncidentRow>().SingleAsync(r => r.InstanceId == id));
        Assert.Contains("UNIQUE", incident.Message);
        Assert.False((await h.VariablesAsync(id)).ContainsKey("agency"));
    }

    [Fact]
    public async Task ATaskWithoutDecisionRef_OrWithABadMapping_IsRefusedAtDeploy()
    {
        await using var h = new EngineHarness();
        var missing = await Assert.ThrowsAsync<DefinitionException>(() => h.DeployAsync(Routed().Replace("""camunda:decisionRef="rute" """, "")));
        Assert.Contains(missing.Problems, p => p.ElementId == "route" && p.Message.Contains("camunda:decisionRef"));
        var mapping = await Assert.ThrowsAsync<DefinitionException>(() => h.DeployAsync(Routed("""camunda:mapDecisionResult="everything" """)));
        Assert.Contains(mapping.Problems, p => p.ElementId == "route" && p.Message.Contains("'everything'"));
    }

    [Fact]
    public async Task DecisionVersions_CountPerKey_AndAnUnchangedFileIsKeptWithFiltering()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Dmn.Routing(), "rute.dmn");
        await h.DeployAsync(Dmn.Routing(), "rute.dmn");
        await h.DeployAsync(Dmn.Routing("lain"), "lain.dmn");
        var versions = await h.Query(db => db.Set<DecisionDefinitionRow>().OrderBy(d => d.Key).ThenBy(d => d.Version).Select(d => d.Key + ":" + d.Version).ToListAsync());
        Assert.Equal(["lain:1", "rute:1", "rute:2"], versions);

        await using var scope = h.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<Deployer>().DeployAsync(
            new DeploymentRequest("again", [new DeploymentResource("rute.dmn", Dmn.Routing())], DuplicateFiltering: true), "tester");
        Assert.Empty(result.DeployedDecisions);
        Assert.Equal(2, Assert.Single(result.UnchangedDecisions).Version);
    }
}
