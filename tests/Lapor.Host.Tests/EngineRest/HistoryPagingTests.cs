using System.Text.Json;
using Lapor.Host.Tests.Support;
using static Lapor.Host.Tests.Support.EngineRestCalls;

namespace Lapor.Host.Tests.EngineRest;

/// <summary>
/// History lists over HTTP as a Camunda client pages them: firstResult/maxResults windows of a sorted list add up to
/// the whole list, and every record keeps Camunda's property names in Camunda's order.
/// </summary>
public sealed class HistoryPagingTests(LaporHostFactory host) : IClassFixture<LaporHostFactory>
{
    private const string Key = "riwayatBertahap";
    private static readonly string[] Steps = ["t1", "t2", "t3", "t4", "t5"];
    private HttpClient Api => host.Admin;

    private static string Process()
    {
        var body = """<bpmn:startEvent id="start"/><bpmn:endEvent id="end"/>""";
        var nodes = new List<string> { "start" };
        nodes.AddRange(Steps);
        nodes.Add("end");
        foreach (var step in Steps)
            body += $"""<bpmn:userTask id="{step}" name="Langkah {step}" camunda:assignee="ayu"/>""";
        for (var i = 0; i < nodes.Count - 1; i++)
            body += $"""<bpmn:sequenceFlow id="f{i}" sourceRef="{nodes[i]}" targetRef="{nodes[i + 1]}"/>""";
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="defs_{Key}" targetNamespace="http://lapor.test">
              <bpmn:process id="{Key}" name="Riwayat bertahap" isExecutable="true">{body}</bpmn:process>
            </bpmn:definitions>
            """;
    }

    /// <summary>An instance whose first four steps are done and whose fifth waits.</summary>
    private async Task<string> InstanceAtLastStepAsync()
    {
        using var deployed = await Api.DeployAsync("riwayat", true, ("riwayat-bertahap.bpmn", Process()));
        await ExpectJsonAsync(deployed, System.Net.HttpStatusCode.OK);
        var id = (await Api.StartAsync(Key, $"LPR-{Guid.NewGuid():N}", new Dictionary<string, object>())).Id();
        foreach (var step in Steps[..^1])
            await Api.PostNoContentAsync($"task/{(await Api.SingleTaskAsync(id, step)).Id()}/complete", new { });
        return id;
    }

    [Fact]
    public async Task HistoricTaskWindows_AddUpToTheSortedList()
    {
        var id = await InstanceAtLastStepAsync();
        var list = $"history/task?processInstanceId={id}&sortBy=startTime&sortOrder=desc";
        var whole = await Api.GetJsonAsync(list);
        Assert.Equal(["t5", "t4", "t3", "t2", "t1"], whole.Strings("taskDefinitionKey"));

        var windows = new List<string?>();
        for (var first = 0; first < 6; first += 2)
            windows.AddRange((await Api.GetJsonAsync($"{list}&firstResult={first}&maxResults=2")).Strings("taskDefinitionKey"));
        Assert.Equal(whole.Strings("taskDefinitionKey"), windows);

        var byKey = await Api.GetJsonAsync($"history/task?processInstanceId={id}&sortBy=taskDefinitionKey&sortOrder=asc&firstResult=1&maxResults=3");
        Assert.Equal(["t2", "t3", "t4"], byKey.Strings("taskDefinitionKey"));
        var finished = await Api.GetJsonAsync($"history/task?processInstanceId={id}&finished=true&sortBy=endTime&sortOrder=desc&firstResult=3");
        Assert.Equal(["t1"], finished.Strings("taskDefinitionKey"));
        var assigned = await Api.GetJsonAsync($"history/task?processInstanceId={id}&taskAssignee=ayu&unfinished=true");
        Assert.Equal(["t5"], assigned.Strings("taskDefinitionKey"));
    }

    [Fact]
    public async Task ActivityWindows_FollowTheOrderTheNodesRan()
    {
        var id = await InstanceAtLastStepAsync();
        var window = await Api.GetJsonAsync($"history/activity-instance?processInstanceId={id}&sortBy=occurrence&sortOrder=asc&firstResult=1&maxResults=3");
        Assert.Equal(["t1", "t2", "t3"], window.Strings("activityId"));
        var open = await Api.GetJsonAsync($"history/activity-instance?processInstanceId={id}&unfinished=true");
        Assert.Equal(["t5"], open.Strings("activityId"));
    }

    [Fact]
    public async Task HistoricRecords_KeepCamundasPropertyNamesInOrder()
    {
        var id = await InstanceAtLastStepAsync();
        var task = (await Api.GetJsonAsync($"history/task?processInstanceId={id}&taskDefinitionKey=t1"))[0];
        Assert.Equal(
            ["id", "processDefinitionKey", "processDefinitionId", "processInstanceId", "executionId", "caseDefinitionKey", "caseDefinitionId",
             "caseInstanceId", "caseExecutionId", "activityInstanceId", "name", "description", "deleteReason", "owner", "assignee", "startTime",
             "endTime", "duration", "taskDefinitionKey", "priority", "due", "parentTaskId", "followUp", "tenantId", "removalTime",
             "rootProcessInstanceId", "taskState"],
            Names(task));
        Assert.Equal(("Completed", Key, "Langkah t1"), (task.Str("taskState"), task.Str("processDefinitionKey"), task.Str("name")));
        Assert.Equal(JsonValueKind.Null, task.GetProperty("caseInstanceId").ValueKind);

        var instance = await Api.GetJsonAsync($"history/process-instance/{id}");
        Assert.Equal(
            ["id", "businessKey", "processDefinitionId", "processDefinitionKey", "processDefinitionName", "processDefinitionVersion", "startTime",
             "endTime", "removalTime", "durationInMillis", "startUserId", "startActivityId", "deleteReason", "rootProcessInstanceId",
             "superProcessInstanceId", "superCaseInstanceId", "caseInstanceId", "tenantId", "state"],
            Names(instance));
        Assert.Equal("ACTIVE", instance.Str("state"));

        var open = await Api.SingleTaskAsync(id, "t5");
        Assert.Equal(
            ["id", "name", "assignee", "owner", "created", "due", "followUp", "delegationState", "description", "executionId", "parentTaskId",
             "priority", "processDefinitionId", "processInstanceId", "caseExecutionId", "caseDefinitionId", "caseInstanceId", "taskDefinitionKey",
             "suspended", "formKey", "camundaFormRef", "tenantId"],
            Names(open));

        var activity = (await Api.GetJsonAsync($"history/activity-instance?processInstanceId={id}&activityId=t1"))[0];
        Assert.Equal(
            ["id", "parentActivityInstanceId", "activityId", "activityName", "activityType", "processDefinitionKey", "processDefinitionId",
             "processInstanceId", "executionId", "taskId", "calledProcessInstanceId", "calledCaseInstanceId", "assignee", "startTime", "endTime",
             "durationInMillis", "canceled", "completeScope", "tenantId", "removalTime", "rootProcessInstanceId"],
            Names(activity));
    }

    private static List<string> Names(JsonElement record) => record.EnumerateObject().Select(p => p.Name).ToList();
}
