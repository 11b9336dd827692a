using System.Net;
using System.Text.Json;
using Lapor.Host.Tests.Support;
using static Lapor.Host.Tests.Support.EngineRestCalls;

namespace Lapor.Host.Tests.EngineRest;

/// <summary>Errors come back as Camunda's <c>{"type", "message"}</c> with the status Camunda uses.</summary>
public sealed class ErrorResponseTests(LaporHostFactory host) : IClassFixture<LaporHostFactory>
{
    private HttpClient Api => host.Admin;

    [Fact]
    public async Task MalformedXml_IsRefusedWith400_SayingWhereItBreaks()
    {
        const string broken = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="rusak" isExecutable="true">
                <bpmn:startEvent id="mulai">
              </bpmn:process>
            </bpmn:definitions>
            """;
        using var response = await Api.DeployAsync("rusak", false, ("rusak.bpmn", broken));

        var error = await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "ParseException");
        Assert.Contains("rusak.bpmn", error.Str("message"));
        Assert.Contains("not well-formed", error.Str("message"));
        var problem = Assert.Single(error.GetProperty("details").GetProperty("problems").EnumerateArray());
        Assert.Equal(5, problem.GetProperty("line").GetInt32());
        Assert.Empty((await Api.GetJsonAsync("process-definition?key=rusak")).EnumerateArray());
    }

    [Fact]
    public async Task AnElementTheEngineDoesNotSupport_IsRefusedWith400_NamingItsId()
    {
        const string complex = """
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
              <bpmn:process id="gerbangRumit" isExecutable="true">
                <bpmn:startEvent id="mulai" />
                <bpmn:complexGateway id="cg1" name="Rumit" />
                <bpmn:userTask id="periksa" camunda:candidateGroups="dinkes" />
                <bpmn:endEvent id="selesai" />
                <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="cg1" />
                <bpmn:sequenceFlow id="f2" sourceRef="cg1" targetRef="periksa" />
                <bpmn:sequenceFlow id="f3" sourceRef="periksa" targetRef="selesai" />
              </bpmn:process>
            </bpmn:definitions>
            """;
        using var response = await Api.DeployAsync("rumit", false, ("gerbang-rumit.bpmn", complex));

        var error = await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "ParseException");
        Assert.Contains("cg1", error.Str("message"));
        Assert.Contains("complexGateway", error.Str("message"));
        var problems = error.GetProperty("details").GetProperty("problems");
        Assert.Contains(problems.EnumerateArray(), p => p.Str("elementId") == "cg1" && p.GetProperty("line").GetInt32() == 5);
    }

    [Fact]
    public async Task ADeploymentWithoutFiles_IsABadRequest()
    {
        using var form = new MultipartFormDataContent { { new StringContent("kosong"), "deployment-name" } };
        using var response = await Api.PostAsync("deployment/create", form);
        await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestException");
    }

    [Fact]
    public async Task AnUnknownTask_IsA404_ForQueriesAndCommands()
    {
        using (var get = await Api.GetAsync("task/tidak-ada"))
        {
            var error = await ExpectErrorAsync(get, HttpStatusCode.NotFound, "InvalidRequestException");
            Assert.Contains("tidak-ada", error.Str("message"));
        }
        using var complete = await Api.PostJsonAsync("task/tidak-ada/complete", new { variables = new { } });
        await ExpectErrorAsync(complete, HttpStatusCode.NotFound, "InvalidRequestException");
    }

    [Fact]
    public async Task UnknownInstancesAndDefinitions_Are404()
    {
        foreach (var path in new[] { "process-instance/tidak-ada", "process-definition/key/tidakAda", "process-definition/tidak:1:ada", "history/process-instance/tidak-ada", "incident/tidak-ada" })
        {
            using var response = await Api.GetAsync(path);
            await ExpectErrorAsync(response, HttpStatusCode.NotFound);
        }
        using var start = await Api.PostJsonAsync("process-definition/key/tidakAda/start", new { });
        await ExpectErrorAsync(start, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task CompletingATaskTwice_IsAConflictThatSaysWhoCompletedIt()
    {
        await Api.DeployFilesAsync(BpmnFiles.IzinKeramaian);
        var id = (await Api.StartAsync("izinKeramaian", "IK-ERR-1", new Dictionary<string, object> { ["jumlahPeserta"] = Typed(10, "Integer") })).Id();
        var task = await Api.SingleTaskAsync(id, "Task_VerifikasiBerkas");
        var body = new { variables = new Dictionary<string, object> { ["berkasLengkap"] = Typed(false, "Boolean") } };
        await Api.PostNoContentAsync($"task/{task.Id()}/complete", body);

        using var again = await Api.PostJsonAsync($"task/{task.Id()}/complete", body);

        var error = await ExpectErrorAsync(again, HttpStatusCode.Conflict);
        Assert.Contains("already completed by admin", error.Str("message"));
    }

    [Fact]
    public async Task AVariableWhoseValueDoesNotFitItsType_IsA400NamingTheVariable()
    {
        await Api.DeployFilesAsync(BpmnFiles.IzinKeramaian);

        using var response = await Api.PostJsonAsync("process-definition/key/izinKeramaian/start", new
        {
            businessKey = "IK-ERR-2",
            variables = new Dictionary<string, object> { ["jumlahPeserta"] = Typed("abc", "Integer") },
        });

        var error = await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestException");
        Assert.Contains("jumlahPeserta", error.Str("message"));
        Assert.Empty((await Api.GetJsonAsync("process-instance?businessKey=IK-ERR-2")).EnumerateArray());
    }

    [Fact]
    public async Task MalformedJsonAndBadQueryParameters_Are400WithCamundasErrorShape()
    {
        using (var json = await Api.PostAsync("message", new StringContent("{\"messageName\": ", System.Text.Encoding.UTF8, "application/json")))
            await ExpectErrorAsync(json, HttpStatusCode.BadRequest, "InvalidRequestException");
        using (var sort = await Api.GetAsync("task?sortBy=kapanSaja"))
            Assert.Contains("sortBy", (await ExpectErrorAsync(sort, HttpStatusCode.BadRequest, "InvalidRequestException")).Str("message"));
        using (var paging = await Api.GetAsync("task?maxResults=banyak"))
            Assert.Contains("maxResults", (await ExpectErrorAsync(paging, HttpStatusCode.BadRequest)).Str("message"));
        using (var date = await Api.GetAsync("task?dueBefore=besok"))
            Assert.Contains("dueBefore", (await ExpectErrorAsync(date, HttpStatusCode.BadRequest)).Str("message"));
    }

    [Fact]
    public async Task DeletingVariables_IsRefused_AndChangesNothing()
    {
        await Api.DeployFilesAsync(BpmnFiles.IzinKeramaian);
        var id = (await Api.StartAsync("izinKeramaian", "IK-ERR-3", new Dictionary<string, object> { ["jumlahPeserta"] = Typed(10, "Integer") })).Id();

        using var response = await Api.PostJsonAsync($"process-instance/{id}/variables", new
        {
            modifications = new Dictionary<string, object> { ["kapolsek"] = Typed("iptu.komang", "String") },
            deletions = new[] { "jumlahPeserta" },
        });

        await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "InvalidRequestException");
        var variables = await Api.GetJsonAsync($"process-instance/{id}/variables");
        Assert.Equal(["jumlahPeserta"], variables.EnumerateObject().Select(v => v.Name));
    }

    [Fact]
    public async Task AMessageNothingWaitsFor_IsABadRequest()
    {
        using var response = await Api.PostJsonAsync("message", new { messageName = "PesanTakDikenal", businessKey = "X-1" });
        var error = await ExpectErrorAsync(response, HttpStatusCode.BadRequest, "MismatchingMessageCorrelationException");
        Assert.Contains("PesanTakDikenal", error.Str("message"));
    }

    [Fact]
    public async Task RequestsWithoutCredentials_AreRefusedWith401_AndAChallenge()
    {
        using var anonymous = host.ClientFor(null, null);
        using var response = await anonymous.GetAsync("task");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Equal("Basic", Assert.Single(response.Headers.WwwAuthenticate).Scheme);
    }

    [Fact]
    public async Task AWrongPassword_IsRefusedWith401()
    {
        using var intruder = host.ClientFor(LaporHostFactory.AdminUser, "bukan-sandinya");
        using var response = await intruder.GetAsync("process-definition");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        // The right password still works afterwards: one failure does not lock the account.
        Assert.Equal(JsonValueKind.Array, (await Api.GetJsonAsync("process-definition")).ValueKind);
    }
}
