using System.Globalization;
using System.Net;
using System.Text.Json;
using Lapor.Host.Tests.Support;
using static Lapor.Host.Tests.Support.EngineRestCalls;

namespace Lapor.Host.Tests.EngineRest;

/// <summary>
/// The "izin keramaian" (event permit) process, made in Camunda Modeler, walked through the REST API of a running
/// host: deployment, definitions, start with typed variables, task queries and commands, message correlation, history.
/// </summary>
public sealed class EventPermitProcessTests(LaporHostFactory host) : IClassFixture<LaporHostFactory>
{
    private const string Key = "izinKeramaian";
    private static readonly TimeSpan Wita = TimeSpan.FromHours(8);
    private HttpClient Api => host.Admin;

    private static object PermitVariables(int participants = 1500) => new Dictionary<string, object>
    {
        ["pemohon"] = Typed("Sanggar Tari Saraswati", "String"),
        ["jumlahPeserta"] = Typed(participants, "Integer"),
        ["tanggalAcara"] = Typed("2026-03-14T19:00:00.000+0800", "Date"),
        ["kapolsek"] = Typed("kompol.made", "String"),
    };

    private async Task<string> StartPermitAsync(string businessKey, int participants = 1500)
    {
        await Api.DeployFilesAsync(BpmnFiles.IzinKeramaian);
        return (await Api.StartAsync(Key, businessKey, PermitVariables(participants))).Id();
    }

    [Fact]
    public async Task DeployingTheModelerFile_MakesItTheLatestDefinition_WithItsXml()
    {
        using var response = await Api.DeployAsync("izin keramaian", false, (BpmnFiles.IzinKeramaian, BpmnFiles.Read(BpmnFiles.IzinKeramaian)));
        var deployment = await ExpectJsonAsync(response, HttpStatusCode.OK);
        Assert.Equal("izin keramaian", deployment.Str("name"));
        Assert.Equal("lapor-host-tests", deployment.Str("source"));
        Assert.Matches(@"^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}\+0000$", deployment.Str("deploymentTime"));
        var deployed = Assert.Single(deployment.GetProperty("deployedProcessDefinitions").EnumerateObject());
        Assert.Equal(Key, deployed.Value.Str("key"));
        Assert.Equal(deployed.Name, deployed.Value.Id());
        Assert.Equal(deployment.Id(), deployed.Value.Str("deploymentId"));
        Assert.Equal(BpmnFiles.IzinKeramaian, deployed.Value.Str("resource"));

        var latest = Assert.Single((await Api.GetJsonAsync($"process-definition?key={Key}&latestVersion=true")).EnumerateArray());
        Assert.Equal(deployed.Name, latest.Id());
        Assert.Equal("Izin Keramaian", latest.Str("name"));
        var versions = await Api.GetJsonAsync($"process-definition?key={Key}&sortBy=version&sortOrder=desc");
        Assert.Equal(latest.GetProperty("version").GetInt32(), versions[0].GetProperty("version").GetInt32());
        Assert.Equal(latest.Id(), (await Api.GetJsonAsync($"process-definition/key/{Key}")).Id());

        var xml = await Api.GetJsonAsync($"process-definition/key/{Key}/xml");
        Assert.Equal(latest.Id(), xml.Id());
        Assert.Equal(BpmnFiles.Read(BpmnFiles.IzinKeramaian), xml.Str("bpmn20Xml"));
        Assert.Equal(xml.Str("bpmn20Xml"), (await Api.GetJsonAsync($"process-definition/{latest.Id()}/xml")).Str("bpmn20Xml"));
    }

    [Fact]
    public async Task DeployingTheSameFileWithDuplicateFiltering_CreatesNoNewVersion()
    {
        await Api.DeployFilesAsync(BpmnFiles.IzinKeramaian);
        var before = (await Api.GetJsonAsync($"process-definition/count?key={Key}")).GetProperty("count").GetInt64();

        using var response = await Api.DeployAsync("again", true, (BpmnFiles.IzinKeramaian, BpmnFiles.Read(BpmnFiles.IzinKeramaian)));
        var deployment = await ExpectJsonAsync(response, HttpStatusCode.OK);

        Assert.Equal(JsonValueKind.Null, deployment.GetProperty("deployedProcessDefinitions").ValueKind);
        Assert.Equal(before, (await Api.GetJsonAsync($"process-definition/count?key={Key}")).GetProperty("count").GetInt64());
    }

    [Fact]
    public async Task StartingWithTypedVariables_ReturnsTheInstance_AndTheVariablesInCamundaForm()
    {
        await Api.DeployFilesAsync(BpmnFiles.IzinKeramaian);
        var instance = await Api.StartAsync(Key, "IK-2026-0001", PermitVariables(), withVariablesInReturn: true);

        Assert.Equal("IK-2026-0001", instance.Str("businessKey"));
        Assert.StartsWith(Key + ":", instance.Str("definitionId"));
        Assert.False(instance.GetProperty("ended").GetBoolean());
        Assert.False(instance.GetProperty("suspended").GetBoolean());
        var self = instance.GetProperty("links")[0];
        Assert.Equal("self", self.Str("rel"));
        Assert.EndsWith($"/engine-rest/process-instance/{instance.Id()}", self.Str("href"));
        var variables = instance.GetProperty("variables");
        Assert.Equal(1500, variables.GetProperty("jumlahPeserta").GetProperty("value").GetInt64());
        Assert.Equal("Integer", variables.GetProperty("jumlahPeserta").Str("type"));
        // 19:00 WITA is 11:00 UTC; dates come back in Camunda's format at offset +0000.
        Assert.Equal("2026-03-14T11:00:00.000+0000", variables.GetProperty("tanggalAcara").Str("value"));
        Assert.Equal("Date", variables.GetProperty("tanggalAcara").Str("type"));

        var fetched = await Api.GetJsonAsync($"process-instance/{instance.Id()}");
        Assert.Equal(instance.Str("definitionId"), fetched.Str("definitionId"));
        var listed = await Api.GetJsonAsync($"process-instance?businessKey=IK-2026-0001&processDefinitionKey={Key}");
        Assert.Equal([instance.Id()], listed.Strings("id"));
        var stored = await Api.GetJsonAsync($"process-instance/{instance.Id()}/variables");
        Assert.Equal("Sanggar Tari Saraswati", stored.GetProperty("pemohon").Str("value"));
    }

    [Fact]
    public async Task TaskQueries_FindTheTaskByCandidateGroupAssigneeInstanceKeyAndDueDate()
    {
        var id = await StartPermitAsync("IK-2026-0002");
        var task = await Api.SingleTaskAsync(id, "Task_VerifikasiBerkas");
        Assert.Equal("Verifikasi berkas permohonan", task.Str("name"));
        Assert.Equal(80, task.GetProperty("priority").GetInt32()); // more than 1000 participants
        Assert.Equal(JsonValueKind.Null, task.GetProperty("parentTaskId").ValueKind);
        Assert.False(task.GetProperty("suspended").GetBoolean());
        Assert.Equal(JsonValueKind.Null, task.GetProperty("tenantId").ValueKind);
        var created = Date(task.Str("created")!);
        Assert.Equal(created.AddDays(3), Date(task.Str("due")!));

        Assert.Contains(task.Id(), (await Api.GetJsonAsync($"task?candidateGroup=polsek-kuta&processDefinitionKey={Key}")).Strings("id"));
        Assert.DoesNotContain(task.Id(), (await Api.GetJsonAsync("task?candidateGroup=polres-badung")).Strings("id"));
        Assert.Equal(task.Id(), (await Api.GetJsonAsync($"task/{task.Id()}")).Id());

        // Dates in the query are Camunda-formatted in WITA; the task is due three days after it was created.
        var inTwoDays = CamundaWita(created.AddDays(2));
        var inFourDays = CamundaWita(created.AddDays(4));
        Assert.Single((await Api.GetJsonAsync($"task?processInstanceId={id}&dueBefore={Uri.EscapeDataString(inFourDays)}")).EnumerateArray());
        Assert.Empty((await Api.GetJsonAsync($"task?processInstanceId={id}&dueBefore={Uri.EscapeDataString(inTwoDays)}")).EnumerateArray());
        Assert.Single((await Api.GetJsonAsync($"task?processInstanceId={id}&dueAfter={Uri.EscapeDataString(inTwoDays)}")).EnumerateArray());

        await Api.PostNoContentAsync($"task/{task.Id()}/claim", new { userId = "ketut" });
        Assert.Equal([task.Id()], (await Api.GetJsonAsync($"task?assignee=ketut&processInstanceId={id}")).Strings("id"));
        // As in Camunda, a candidate query leaves out tasks somebody has taken, unless asked to include them.
        Assert.Empty((await Api.GetJsonAsync($"task?candidateGroup=polsek-kuta&processInstanceId={id}")).EnumerateArray());
        Assert.Single((await Api.GetJsonAsync($"task?candidateGroup=polsek-kuta&processInstanceId={id}&includeAssignedTasks=true")).EnumerateArray());
        Assert.Empty((await Api.GetJsonAsync($"task?unassigned=true&processInstanceId={id}")).EnumerateArray());
    }

    [Fact]
    public async Task TaskLists_SortByPriority_AndPageWithFirstAndMaxResults()
    {
        var big = await StartPermitAsync("IK-2026-0003", participants: 5000);
        var small = await StartPermitAsync("IK-2026-0004", participants: 200);
        const string query = "task?taskDefinitionKey=Task_VerifikasiBerkas&includeAssignedTasks=true&sortBy=priority&sortOrder=desc";

        var all = await Api.GetJsonAsync(query);
        var priorities = all.EnumerateArray().Select(t => t.GetProperty("priority").GetInt32()).ToList();
        Assert.Equal(priorities.OrderDescending(), priorities);
        var instances = all.Strings("processInstanceId");
        Assert.True(instances.IndexOf(big) < instances.IndexOf(small), "priority 80 must come before priority 50");
        Assert.Equal(all.GetArrayLength(), (await Api.GetJsonAsync(query.Replace("task?", "task/count?"))).GetProperty("count").GetInt32());

        var page = await Api.GetJsonAsync(query + "&firstResult=1&maxResults=1");
        Assert.Equal([all[1].Id()], page.Strings("id"));
    }

    [Fact]
    public async Task ClaimingATaskSomeoneElseHolds_IsAConflict_UntilItIsUnclaimed()
    {
        var id = await StartPermitAsync("IK-2026-0005");
        var task = await Api.SingleTaskAsync(id, "Task_VerifikasiBerkas");

        await Api.PostNoContentAsync($"task/{task.Id()}/claim", new { userId = "ketut" });
        using (var second = await Api.PostJsonAsync($"task/{task.Id()}/claim", new { userId = "wayan" }))
            await ExpectErrorAsync(second, HttpStatusCode.Conflict, "TaskAlreadyClaimedException");
        Assert.Equal("ketut", (await Api.GetJsonAsync($"task/{task.Id()}")).Str("assignee"));

        await Api.PostNoContentAsync($"task/{task.Id()}/unclaim");
        Assert.Equal([task.Id()], (await Api.GetJsonAsync($"task?unassigned=true&processInstanceId={id}")).Strings("id"));
        await Api.PostNoContentAsync($"task/{task.Id()}/claim", new { userId = "wayan" });
        await Api.PostNoContentAsync($"task/{task.Id()}/assignee", new { userId = "putu" });
        Assert.Equal("putu", (await Api.GetJsonAsync($"task/{task.Id()}")).Str("assignee"));
    }

    [Fact]
    public async Task ADelegatedTask_MustBeResolvedBeforeItCanBeCompleted()
    {
        var id = await StartPermitAsync("IK-2026-0006");
        var task = await Api.SingleTaskAsync(id, "Task_VerifikasiBerkas");
        await Api.PostNoContentAsync($"task/{task.Id()}/assignee", new { userId = "ketut" });

        await Api.PostNoContentAsync($"task/{task.Id()}/delegate", new { userId = "wayan" });
        var delegated = await Api.GetJsonAsync($"task/{task.Id()}");
        Assert.Equal(("wayan", "ketut", "PENDING"), (delegated.Str("assignee"), delegated.Str("owner"), delegated.Str("delegationState")));
        Assert.Equal([task.Id()], (await Api.GetJsonAsync($"task?owner=ketut&delegationState=PENDING&processInstanceId={id}")).Strings("id"));

        using (var early = await Api.PostJsonAsync($"task/{task.Id()}/complete", new { variables = new { } }))
            await ExpectErrorAsync(early, HttpStatusCode.BadRequest);

        await Api.PostNoContentAsync($"task/{task.Id()}/resolve", new
        {
            variables = new Dictionary<string, object> { ["catatanVerifikasi"] = Typed("Denah lokasi diperiksa", "String") },
        });
        var resolved = await Api.GetJsonAsync($"task/{task.Id()}");
        Assert.Equal(("ketut", "RESOLVED"), (resolved.Str("assignee"), resolved.Str("delegationState")));
        Assert.Equal("Denah lokasi diperiksa", (await Api.GetJsonAsync($"process-instance/{id}/variables/catatanVerifikasi")).Str("value"));
        await Api.PostNoContentAsync($"task/{task.Id()}/complete", new { variables = new Dictionary<string, object> { ["berkasLengkap"] = Typed(true, "Boolean") } });
        Assert.Equal("kompol.made", (await Api.SingleTaskAsync(id, "Task_Rekomendasi")).Str("assignee"));
    }

    [Fact]
    public async Task FormVariables_ShowTheFormFieldsWithTheirDefaultsAndCurrentValues()
    {
        var id = await StartPermitAsync("IK-2026-0007");
        var task = await Api.SingleTaskAsync(id, "Task_VerifikasiBerkas");
        await Api.PostJsonAsync($"process-instance/{id}/variables", new
        {
            modifications = new Dictionary<string, object> { ["catatanVerifikasi"] = Typed("KTP belum dilegalisir", "String") },
        });

        var form = await Api.GetJsonAsync($"task/{task.Id()}/form-variables");

        Assert.Equal(["berkasLengkap", "catatanVerifikasi", "jenisAcara"], form.EnumerateObject().Select(p => p.Name).Order(StringComparer.Ordinal));
        Assert.Equal("Boolean", form.GetProperty("berkasLengkap").Str("type"));
        Assert.Equal(JsonValueKind.Null, form.GetProperty("berkasLengkap").GetProperty("value").ValueKind);
        Assert.Equal("KTP belum dilegalisir", form.GetProperty("catatanVerifikasi").Str("value"));
        Assert.Equal("konser", form.GetProperty("jenisAcara").Str("value"));
    }

    [Fact]
    public async Task AnIncompleteApplication_TakesTheGatewaysDefaultFlow_ToTheRejection()
    {
        var id = await StartPermitAsync("IK-2026-0008");
        var task = await Api.SingleTaskAsync(id, "Task_VerifikasiBerkas");

        var variables = await Api.PostForJsonAsync($"task/{task.Id()}/complete", new
        {
            variables = new Dictionary<string, object> { ["berkasLengkap"] = Typed(false, "Boolean") },
            withVariablesInReturn = true,
        });

        Assert.False(variables.GetProperty("berkasLengkap").GetProperty("value").GetBoolean());
        var history = await Api.GetJsonAsync($"history/process-instance/{id}");
        Assert.Equal("COMPLETED", history.Str("state"));
        // The completion ended the instance, which took its runtime variables with it (decision 030): the values
        // returned above came from history, which still lists them.
        using (var runtime = await Api.GetAsync($"process-instance/{id}/variables/berkasLengkap"))
            Assert.Equal(HttpStatusCode.NotFound, runtime.StatusCode);
        var kept = await Api.GetJsonAsync($"history/variable-instance?processInstanceId={id}&variableName=berkasLengkap");
        Assert.False(Assert.Single(kept.EnumerateArray()).GetProperty("value").GetBoolean());
        var activities = await Api.GetJsonAsync($"history/activity-instance?processInstanceId={id}&activityType=endEvent");
        Assert.Equal(["EndEvent_Ditolak"], activities.Strings("activityId"));
    }

    [Fact]
    public async Task APermitRunsToItsEnd_AndTheHistoryTellsWhoDidWhatAndWhen()
    {
        var id = await StartPermitAsync("IK-2026-0042");
        var verify = await Api.SingleTaskAsync(id, "Task_VerifikasiBerkas");
        await Api.PostNoContentAsync($"task/{verify.Id()}/claim", new { userId = "ketut" });
        await Api.PostNoContentAsync($"task/{verify.Id()}/unclaim");
        await Api.PostNoContentAsync($"task/{verify.Id()}/assignee", new { userId = "ketut" });
        await Api.PostNoContentAsync($"task/{verify.Id()}/delegate", new { userId = "wayan" });
        await Api.PostNoContentAsync($"task/{verify.Id()}/resolve", new
        {
            variables = new Dictionary<string, object> { ["catatanVerifikasi"] = Typed("KTP belum dilegalisir", "String") },
        });
        await Api.PostNoContentAsync($"task/{verify.Id()}/complete", new
        {
            variables = new Dictionary<string, object>
            {
                ["berkasLengkap"] = Typed(true, "Boolean"),
                ["catatanVerifikasi"] = Typed("Lengkap setelah perbaikan", "String"),
            },
        });
        var recommend = await Api.SingleTaskAsync(id, "Task_Rekomendasi");
        await Api.PostNoContentAsync($"task/{recommend.Id()}/complete");

        var correlated = await Api.PostForJsonAsync("message", new
        {
            messageName = "RetribusiDibayar",
            businessKey = "IK-2026-0042",
            processVariables = new Dictionary<string, object> { ["nomorSetoran"] = Typed("STS-0098812", "String") },
            resultEnabled = true,
        });
        var result = Assert.Single(correlated.EnumerateArray());
        Assert.Equal("Execution", result.Str("resultType"));
        Assert.Equal(id, result.GetProperty("execution").Str("processInstanceId"));
        Assert.Equal(JsonValueKind.Null, result.GetProperty("processInstance").ValueKind);

        var issue = await Api.SingleTaskAsync(id, "Task_TerbitkanIzin");
        await Api.PostNoContentAsync($"task/{issue.Id()}/complete");

        // The runtime instance is gone, as in Camunda; its history remains.
        using (var gone = await Api.GetAsync($"process-instance/{id}"))
            await ExpectErrorAsync(gone, HttpStatusCode.NotFound, "InvalidRequestException");
        var instance = await Api.GetJsonAsync($"history/process-instance/{id}");
        Assert.Equal(("COMPLETED", "admin", "StartEvent_Permohonan", "IK-2026-0042"),
            (instance.Str("state"), instance.Str("startUserId"), instance.Str("startActivityId"), instance.Str("businessKey")));
        Assert.Equal(Key, instance.Str("processDefinitionKey"));
        Assert.True(instance.GetProperty("durationInMillis").GetInt64() >= 0);
        Assert.True(Date(instance.Str("endTime")!) >= Date(instance.Str("startTime")!));

        var activities = await Api.GetJsonAsync($"history/activity-instance?processInstanceId={id}");
        Assert.Equal(
            ["StartEvent_Permohonan", "Task_VerifikasiBerkas", "Gateway_BerkasLengkap", "Task_Rekomendasi", "Task_TungguRetribusi", "Task_TerbitkanIzin", "EndEvent_IzinTerbit"],
            activities.Strings("activityId"));
        Assert.All(activities.EnumerateArray(), a => Assert.False(a.GetProperty("canceled").GetBoolean()));
        Assert.All(activities.EnumerateArray(), a => Assert.NotEqual(JsonValueKind.Null, a.GetProperty("endTime").ValueKind));
        var verifyActivity = activities.EnumerateArray().Single(a => a.Str("activityId") == "Task_VerifikasiBerkas");
        Assert.Equal(("userTask", verify.Id(), "ketut"), (verifyActivity.Str("activityType"), verifyActivity.Str("taskId"), verifyActivity.Str("assignee")));
        Assert.True(activities.EnumerateArray().Single(a => a.Str("activityId") == "EndEvent_IzinTerbit").GetProperty("completeScope").GetBoolean());

        var tasks = await Api.GetJsonAsync($"history/task?processInstanceId={id}");
        Assert.Equal(["Task_VerifikasiBerkas", "Task_Rekomendasi", "Task_TerbitkanIzin"], tasks.Strings("taskDefinitionKey"));
        Assert.All(tasks.EnumerateArray(), t => Assert.Equal("completed", t.Str("deleteReason")));
        var verifyHistory = (await Api.GetJsonAsync($"history/task?taskId={verify.Id()}"))[0];
        Assert.Equal(("ketut", "ketut", 80), (verifyHistory.Str("assignee"), verifyHistory.Str("owner"), verifyHistory.GetProperty("priority").GetInt32()));
        Assert.Equal(verifyActivity.Id(), verifyHistory.Str("activityInstanceId"));
        Assert.True(verifyHistory.GetProperty("duration").GetInt64() >= 0);

        var variables = (await Api.GetJsonAsync($"history/variable-instance?processInstanceId={id}"))
            .EnumerateArray().ToDictionary(v => v.Str("name")!);
        Assert.Equal(["berkasLengkap", "catatanVerifikasi", "jumlahPeserta", "kapolsek", "nomorSetoran", "pemohon", "tanggalAcara"], variables.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Lengkap setelah perbaikan", variables["catatanVerifikasi"].Str("value"));
        Assert.True(variables["berkasLengkap"].GetProperty("value").GetBoolean());
        Assert.Equal(("Integer", 1500L), (variables["jumlahPeserta"].Str("type"), variables["jumlahPeserta"].GetProperty("value").GetInt64()));
        var updates = await Api.GetJsonAsync($"history/detail?processInstanceId={id}&variableName=catatanVerifikasi");
        Assert.Equal(["KTP belum dilegalisir", "Lengkap setelah perbaikan"], updates.Strings("value"));
        Assert.Equal([true, false], updates.EnumerateArray().Select(u => u.GetProperty("initial").GetBoolean()));
        Assert.All(updates.EnumerateArray(), u => Assert.Equal(variables["catatanVerifikasi"].Id(), u.Str("variableInstanceId")));

        var operations = await Api.GetJsonAsync($"history/user-operation?processInstanceId={id}");
        Assert.All(operations.EnumerateArray(), o => Assert.Equal("admin", o.Str("userId")));
        Assert.Equal(["Claim", "Claim", "Assign", "Delegate", "Resolve", "Complete", "Complete", "CorrelateMessage", "Complete"], operations.Strings("operationType"));
        var onVerify = await Api.GetJsonAsync($"history/user-operation?taskId={verify.Id()}&operationType=Claim");
        Assert.Equal([(string?)"ketut", null], onVerify.Strings("newValue"));
        Assert.All(onVerify.EnumerateArray(), o => Assert.Equal(("Task", "assignee"), (o.Str("entityType"), o.Str("property"))));
        var correlation = operations.EnumerateArray().Single(o => o.Str("operationType") == "CorrelateMessage");
        Assert.Equal(("ProcessInstance", "RetribusiDibayar"), (correlation.Str("entityType"), correlation.Str("newValue")));

        Assert.Empty((await Api.GetJsonAsync($"incident?processInstanceId={id}")).EnumerateArray());
        var check = await Api.GetJsonAsync($"history/verify?processInstanceId={id}");
        Assert.True(check.GetProperty("intact").GetBoolean(), check.ToString());
        Assert.Equal(JsonValueKind.Null, check.GetProperty("brokenAtSeq").ValueKind);
        Assert.True(check.GetProperty("rowsChecked").GetInt64() > 20);
    }

    /// <summary>Reads Camunda's <c>...SSSZ</c> form strictly, so a date in another shape fails the test.</summary>
    private static DateTimeOffset Date(string camunda) =>
        DateTimeOffset.ParseExact(camunda.Insert(camunda.Length - 2, ":"), "yyyy-MM-dd'T'HH:mm:ss.fffzzz", CultureInfo.InvariantCulture);

    private static string CamundaWita(DateTimeOffset value) =>
        value.ToOffset(Wita).ToString("yyyy-MM-dd'T'HH:mm:ss.fff", CultureInfo.InvariantCulture) + "+0800";
}
