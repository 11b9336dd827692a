using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Execution;

public sealed class MessageTests
{
    private const string Messages = """
        <bpmn:message id="mReply" name="ReporterReplied"/>
        <bpmn:message id="mWithdraw" name="ReportWithdrawn"/>
        <bpmn:message id="mNew" name="ReportSubmitted"/>
        """;

    [Fact]
    public async Task ReceiveTask_ContinuesWhenTheMessageArrives_WithItsVariables()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:receiveTask id="waitReply" messageRef="mReply"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="waitReply"/>
            <bpmn:sequenceFlow id="f2" sourceRef="waitReply" targetRef="end"/>
            """, root: Messages));
        var first = await h.StartAsync(businessKey: "LPR-1");
        var second = await h.StartAsync(businessKey: "LPR-2");

        var results = await h.With(e => e.CorrelateAsync(new MessageCorrelation("ReporterReplied", BusinessKey: "LPR-2",
            Variables: EngineHarness.Vars(new { reply = "foto terlampir" })), "reporter"));

        Assert.Equal(second, Assert.Single(results).ProcessInstanceId);
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(second)).Status);
        Assert.Equal("foto terlampir", (await h.LastVariablesAsync(second))["reply"]);
        Assert.Equal(["waitReply"], await h.PositionsAsync(first));
    }

    [Fact]
    public async Task AmbiguousCorrelation_IsRefused_UnlessAllIsSet()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:intermediateCatchEvent id="waitReply"><bpmn:messageEventDefinition messageRef="mReply"/></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="waitReply"/>
            <bpmn:sequenceFlow id="f2" sourceRef="waitReply" targetRef="end"/>
            """, root: Messages));
        var a = await h.StartAsync(variables: new { agency = "dinkes" });
        var b = await h.StartAsync(variables: new { agency = "dishub" });

        var error = await Assert.ThrowsAsync<WorkflowException>(() => h.With(e => e.CorrelateAsync(new MessageCorrelation("ReporterReplied"), null)));
        Assert.Contains("2 executions match", error.Message);

        await h.With(e => e.CorrelateAsync(new MessageCorrelation("ReporterReplied", CorrelationKeys: EngineHarness.Vars(new { agency = "dishub" })), null));
        Assert.Equal(InstanceStatus.Active, (await h.InstanceAsync(a)).Status);
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(b)).Status);

        var c = await h.StartAsync();
        var all = await h.With(e => e.CorrelateAsync(new MessageCorrelation("ReporterReplied", All: true), null));
        Assert.Equal(2, all.Count);
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(c)).Status);
    }

    [Fact]
    public async Task InterruptingMessageBoundary_CancelsTheTask()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="respond" camunda:candidateGroups="dinkes"/>
            <bpmn:boundaryEvent id="withdrawn" attachedToRef="respond"><bpmn:messageEventDefinition messageRef="mWithdraw"/></bpmn:boundaryEvent>
            <bpmn:endEvent id="done"/>
            <bpmn:endEvent id="cancelled"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="respond"/>
            <bpmn:sequenceFlow id="f2" sourceRef="respond" targetRef="done"/>
            <bpmn:sequenceFlow id="f3" sourceRef="withdrawn" targetRef="cancelled"/>
            """, root: Messages));
        var id = await h.StartAsync();
        await h.With(e => e.CorrelateAsync(new MessageCorrelation("ReportWithdrawn", ProcessInstanceId: id), "reporter"));
        Assert.Empty(await h.TasksAsync(id));
        Assert.Equal(["start", "withdrawn", "cancelled"], await h.CompletedActivitiesAsync(id));
    }

    [Fact]
    public async Task MessageStartEvent_StartsANewInstance()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:startEvent id="fromApi"><bpmn:messageEventDefinition messageRef="mNew"/></bpmn:startEvent>
            <bpmn:userTask id="verify" camunda:candidateGroups="inspektorat"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="verify"/>
            <bpmn:sequenceFlow id="f2" sourceRef="fromApi" targetRef="verify"/>
            """, root: Messages));
        var results = await h.With(e => e.CorrelateAsync(new MessageCorrelation("ReportSubmitted", BusinessKey: "LPR-9"), "api"));
        var result = Assert.Single(results);
        Assert.Equal(CorrelationResultType.ProcessDefinition, result.ResultType);
        Assert.Equal("LPR-9", (await h.InstanceAsync(result.ProcessInstanceId)).BusinessKey);
        Assert.Equal(["verify"], await h.PositionsAsync(result.ProcessInstanceId));
        Assert.Equal(["fromApi"], await h.CompletedActivitiesAsync(result.ProcessInstanceId));
    }
}
