using System.Net;
using System.Text.Json;
using Lapor.Host.Tests.Support;
using static Lapor.Host.Tests.Support.EngineRestCalls;

namespace Lapor.Host.Tests.EngineRest;

/// <summary>DMN through Camunda's REST shapes: deploy, list, read, evaluate, and the errors Camunda gives.</summary>
public sealed class DecisionDefinitionTests(LaporHostFactory host) : IClassFixture<LaporHostFactory>
{
    private HttpClient Api => host.Admin;

    private static string Table(string key, string hitPolicy, string rules) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="defs_{key}" name="Uji" namespace="http://camunda.org/schema/1.0/dmn">
          <decision id="{key}" name="Rute {key}">
            <decisionTable id="table_{key}" hitPolicy="{hitPolicy}">
              <input id="in1" label="Kategori"><inputExpression id="ie1" typeRef="string"><text>kategori</text></inputExpression></input>
              <input id="in2" label="Nilai"><inputExpression id="ie2" typeRef="integer"><text>nilai</text></inputExpression></input>
              <output id="out1" label="Instansi" name="instansi" typeRef="string"/>
              <output id="out2" label="Prioritas" name="prioritas" typeRef="integer"/>
              {rules}
            </decisionTable>
          </decision>
        </definitions>
        """;

    private static string Rule(string id, string kategori, string nilai, string instansi, string prioritas) => $"""
        <rule id="{id}"><inputEntry id="{id}a"><text>{kategori}</text></inputEntry><inputEntry id="{id}b"><text>{nilai}</text></inputEntry>
        <outputEntry id="{id}c"><text>{instansi}</text></outputEntry><outputEntry id="{id}d"><text>{prioritas}</text></outputEntry></rule>
        """;

    private static readonly string Rules =
        Rule("r1", "\"Jalan\"", "&gt;= 3", "\"puprkim\"", "1") +
        Rule("r2", "\"Jalan\",\"Air\"", "[1..5]", "\"dishub\"", "2") +
        Rule("r3", "-", "-", "\"inspektorat\"", "3");

    private async Task<JsonElement> DeployAsync(string key, string hitPolicy = "FIRST", string? rules = null)
    {
        using var response = await Api.DeployAsync($"dmn-{key}", false, ($"{key}.dmn", Table(key, hitPolicy, rules ?? Rules)));
        return await ExpectJsonAsync(response, HttpStatusCode.OK);
    }

    private static object Body(string kategori, int nilai) =>
        new { variables = new { kategori = Typed(kategori, "String"), nilai = Typed(nilai, "Integer") } };

    [Fact]
    public async Task ADeployedTable_IsVersionedPerKey_AndListedAsCamundaDoes()
    {
        var first = await DeployAsync("rute-uji-versi");
        var deployed = first.GetProperty("deployedDecisionDefinitions");
        var definition = Assert.Single(deployed.EnumerateObject()).Value;
        Assert.Equal("rute-uji-versi", definition.Str("key"));
        Assert.Equal(1, definition.GetProperty("version").GetInt32());
        Assert.Equal("rute-uji-versi.dmn", definition.Str("resource"));
        Assert.Equal(first.Id(), definition.Str("deploymentId"));
        await DeployAsync("rute-uji-versi");

        var all = await Api.GetJsonAsync("decision-definition?key=rute-uji-versi&sortBy=version&sortOrder=asc");
        Assert.Equal([1, 2], all.EnumerateArray().Select(d => d.GetProperty("version").GetInt32()));
        var latest = Assert.Single((await Api.GetJsonAsync("decision-definition?key=rute-uji-versi&latestVersion=true")).EnumerateArray());
        Assert.Equal(2, latest.GetProperty("version").GetInt32());
        Assert.Equal(2, (await Api.GetJsonAsync("decision-definition/key/rute-uji-versi")).GetProperty("version").GetInt32());
        var byId = await Api.GetJsonAsync($"decision-definition/{definition.Id()}");
        Assert.Equal(1, byId.GetProperty("version").GetInt32());
        Assert.Contains("rute-uji-versi", (await Api.GetJsonAsync("decision-definition/key/rute-uji-versi/xml")).Str("dmnXml"));
        Assert.Equal(2, (await Api.GetJsonAsync("decision-definition/count?key=rute-uji-versi")).GetProperty("count").GetInt32());
    }

    [Fact]
    public async Task Evaluate_ReturnsCamundasResultShape()
    {
        var deployed = await DeployAsync("rute-uji-nilai");
        var result = await Api.PostForJsonAsync("decision-definition/key/rute-uji-nilai/evaluate", Body("Jalan", 4));
        var only = Assert.Single(result.EnumerateArray());
        Assert.Equal("puprkim", only.GetProperty("instansi").Str("value"));
        Assert.Equal("String", only.GetProperty("instansi").Str("type"));
        Assert.Equal(JsonValueKind.Object, only.GetProperty("instansi").GetProperty("valueInfo").ValueKind);
        Assert.Equal(1, only.GetProperty("prioritas").GetProperty("value").GetInt32());
        Assert.Equal("Integer", only.GetProperty("prioritas").Str("type"));

        var id = Assert.Single(deployed.GetProperty("deployedDecisionDefinitions").EnumerateObject()).Name;
        var byId = await Api.PostForJsonAsync($"decision-definition/{id}/evaluate", Body("Air", 2));
        Assert.Equal("dishub", Assert.Single(byId.EnumerateArray()).GetProperty("instansi").Str("value"));
    }

    [Fact]
    public async Task CollectGivesEveryMatch_AndAnAmbiguousUniqueTableIsA500()
    {
        await DeployAsync("rute-uji-collect", "COLLECT");
        var all = await Api.PostForJsonAsync("decision-definition/key/rute-uji-collect/evaluate", Body("Jalan", 4));
        Assert.Equal(["puprkim", "dishub", "inspektorat"], all.EnumerateArray().Select(r => r.GetProperty("instansi").Str("value")));

        await DeployAsync("rute-uji-unique", "UNIQUE");
        using var response = await Api.PostJsonAsync("decision-definition/key/rute-uji-unique/evaluate", Body("Jalan", 4));
        var error = await ExpectErrorAsync(response, HttpStatusCode.InternalServerError, "RestException");
        Assert.Contains("Cannot evaluate decision rute-uji-unique:1:", error.Str("message"));
        Assert.Contains("UNIQUE", error.Str("message"));
    }

    [Fact]
    public async Task AnUnknownKeyIsA404_AndBadVariablesAreA400()
    {
        using (var unknown = await Api.PostJsonAsync("decision-definition/key/tidak-ada/evaluate", Body("Jalan", 1)))
            Assert.Contains("tidak-ada", (await ExpectErrorAsync(unknown, HttpStatusCode.NotFound)).Str("message"));
        using (var unknownId = await Api.GetAsync("decision-definition/tidak-ada:1:x"))
            await ExpectErrorAsync(unknownId, HttpStatusCode.NotFound);

        await DeployAsync("rute-uji-buruk");
        using var bad = await Api.PostJsonAsync("decision-definition/key/rute-uji-buruk/evaluate",
            new { variables = new { nilai = new { value = "banyak", type = "Integer" } } });
        var error = await ExpectErrorAsync(bad, HttpStatusCode.BadRequest, "InvalidRequestException");
        Assert.Contains("nilai", error.Str("message"));
    }

    [Fact]
    public async Task AnUnreadableCell_RefusesTheDeployment_NamingDecisionRuleAndColumn()
    {
        using var response = await Api.DeployAsync("dmn-rusak", false,
            ("rusak.dmn", Table("rute-uji-rusak", "FIRST", Rule("r1", "Jalan", "-", "\"puprkim\"", "1"))));
        var error = await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "ParseException");
        var problem = Assert.Single(error.GetProperty("details").GetProperty("problems").EnumerateArray());
        Assert.Equal("r1a", problem.Str("elementId"));
        Assert.Contains("Decision 'rute-uji-rusak', rule 1, column 1 ('Kategori')", problem.Str("message"));
        Assert.Empty((await Api.GetJsonAsync("decision-definition?key=rute-uji-rusak")).EnumerateArray());
    }

    [Fact]
    public async Task ADecisionDeployedWithAProcess_IsEvaluatedByItsBusinessRuleTask()
    {
        const string process = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://lapor.test">
              <bpmn:process id="rute-uji-proses" isExecutable="true">
                <bpmn:startEvent id="mulai"/>
                <bpmn:businessRuleTask id="rute" camunda:decisionRef="rute-uji-bersama" camunda:decisionRefBinding="deployment"
                                       camunda:resultVariable="hasil" camunda:mapDecisionResult="singleResult"/>
                <bpmn:userTask id="periksa" camunda:candidateGroups="inspektorat"/>
                <bpmn:endEvent id="selesai"/>
                <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="rute"/>
                <bpmn:sequenceFlow id="f2" sourceRef="rute" targetRef="periksa"/>
                <bpmn:sequenceFlow id="f3" sourceRef="periksa" targetRef="selesai"/>
              </bpmn:process>
            </bpmn:definitions>
            """;
        using var response = await Api.DeployAsync("bersama", false, ("rute-uji-proses.bpmn", process), ("rute-uji-bersama.dmn", Table("rute-uji-bersama", "FIRST", Rules)));
        var deployment = await ExpectJsonAsync(response, HttpStatusCode.OK);
        Assert.Single(deployment.GetProperty("deployedProcessDefinitions").EnumerateObject());
        Assert.Single(deployment.GetProperty("deployedDecisionDefinitions").EnumerateObject());

        var instance = await Api.StartAsync("rute-uji-proses", "UJI-DMN-1", new { kategori = Typed("Air", "String"), nilai = Typed(2, "Integer") }, withVariablesInReturn: true);
        var hasil = instance.GetProperty("variables").GetProperty("hasil");
        Assert.Equal("Json", hasil.Str("type"));
        Assert.Contains("\"instansi\":\"dishub\"", hasil.Str("value"));
    }
}
