using System.Net;
using System.Text.Json;
using Lapor.Host.Tests.Support;
using static Lapor.Host.Tests.Support.EngineRestCalls;

namespace Lapor.Host.Tests.EngineRest;

/// <summary>
/// The "pemberitahuan SMS" process: a service task whose handler refuses a bad phone number (one attempt, then an
/// incident), and a message start event that lets a citizen's reply start the process.
/// </summary>
public sealed class IncidentAndMessageStartTests(LaporHostFactory host) : IClassFixture<LaporHostFactory>
{
    private const string Key = "pemberitahuanSms";
    private HttpClient Api => host.Admin;

    [Fact]
    public async Task AFailingServiceTask_RaisesAnIncident_ThatARetryClearsOnceTheDataIsFixed()
    {
        await Api.DeployFilesAsync(BpmnFiles.PemberitahuanSms);
        var id = (await Api.StartAsync(Key, "LPR-2026-0311", new Dictionary<string, object>
        {
            ["nomorHp"] = Typed("0361-234567", "String"),
            ["petugas"] = Typed("ayu", "String"),
        })).Id();

        var incident = Assert.Single((await Api.GetJsonAsync($"incident?processInstanceId={id}")).EnumerateArray());
        Assert.Equal(("failedJob", "Task_KirimSms", id), (incident.Str("incidentType"), incident.Str("activityId"), incident.Str("processInstanceId")));
        Assert.Contains("Nomor HP '0361-234567' tidak valid", incident.Str("incidentMessage"));
        Assert.Matches(@"\.\d{3}\+0000$", incident.Str("incidentTimestamp"));
        Assert.Equal(1, (await Api.GetJsonAsync($"incident/count?processInstanceId={id}")).GetProperty("count").GetInt32());
        Assert.Empty((await Api.GetJsonAsync($"task?processInstanceId={id}")).EnumerateArray());

        // Retrying with the same bad number fails again and raises a fresh incident.
        await Api.PostNoContentAsync($"incident/{incident.Id()}/retry");
        var again = Assert.Single((await Api.GetJsonAsync($"incident?processInstanceId={id}")).EnumerateArray());
        Assert.NotEqual(incident.Id(), again.Id());

        await Api.PostNoContentAsync($"process-instance/{id}/variables", new
        {
            modifications = new Dictionary<string, object> { ["nomorHp"] = Typed("081234567890", "String") },
        });
        await Api.PostNoContentAsync($"incident/{again.Id()}/retry");

        Assert.Empty((await Api.GetJsonAsync($"incident?processInstanceId={id}")).EnumerateArray());
        Assert.Equal("ayu", (await Api.SingleTaskAsync(id, "Task_Konfirmasi")).Str("assignee"));
        Assert.Equal("081234567890", (await Api.GetJsonAsync($"process-instance/{id}/variables")).GetProperty("smsTerkirimKe").Str("value"));
        var operations = await Api.GetJsonAsync($"history/user-operation?processInstanceId={id}");
        Assert.Equal(["SetJobRetries", "ModifyVariable", "SetJobRetries"], operations.Strings("operationType"));
        Assert.Equal(["Job", "Variable", "Job"], operations.Strings("entityType"));
        Assert.True((await Api.GetJsonAsync($"history/verify?processInstanceId={id}")).GetProperty("intact").GetBoolean());

        using var missing = await Api.PostJsonAsync($"incident/{again.Id()}/retry", null);
        await ExpectErrorAsync(missing, HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task AMessageNobodyWaitsFor_StartsTheProcessAtItsMessageStartEvent()
    {
        await Api.DeployFilesAsync(BpmnFiles.PemberitahuanSms);

        var results = await Api.PostForJsonAsync("message", new
        {
            messageName = "BalasanWargaMasuk",
            businessKey = "LPR-2026-0777",
            processVariables = new Dictionary<string, object>
            {
                ["nomorHp"] = Typed("085712345678", "String"),
                ["petugas"] = Typed("gede", "String"),
            },
            resultEnabled = true,
            variablesInResultEnabled = true,
        });

        var result = Assert.Single(results.EnumerateArray());
        Assert.Equal("ProcessDefinition", result.Str("resultType"));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("execution").ValueKind);
        var instance = result.GetProperty("processInstance");
        Assert.Equal("LPR-2026-0777", instance.Str("businessKey"));
        Assert.StartsWith(Key + ":", instance.Str("definitionId"));
        Assert.Equal("085712345678", result.GetProperty("variables").GetProperty("smsTerkirimKe").Str("value"));
        Assert.Equal("gede", (await Api.SingleTaskAsync(instance.Id(), "Task_Konfirmasi")).Str("assignee"));
        Assert.Equal("StartEvent_BalasanWarga", (await Api.GetJsonAsync($"history/process-instance/{instance.Id()}")).Str("startActivityId"));
    }
}
