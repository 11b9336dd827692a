using Lapor.Workflows.Execution;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Execution;

public sealed class SubProcessTests
{
    private static string Handling(string innerEnd, string boundary) => Bpmn.Process($$"""
        <bpmn:startEvent id="start"/>
        <bpmn:subProcess id="handling">
          <bpmn:startEvent id="hStart"/>
          <bpmn:userTask id="respond" camunda:candidateGroups="dinkes"/>
          <bpmn:exclusiveGateway id="inRemit" default="fine"/>
          {{innerEnd}}
          <bpmn:endEvent id="hEnd"/>
          <bpmn:sequenceFlow id="h1" sourceRef="hStart" targetRef="respond"/>
          <bpmn:sequenceFlow id="h2" sourceRef="respond" targetRef="inRemit"/>
          <bpmn:sequenceFlow id="notOurs" sourceRef="inRemit" targetRef="throw"><bpmn:conditionExpression>${notInRemit}</bpmn:conditionExpression></bpmn:sequenceFlow>
          <bpmn:sequenceFlow id="fine" sourceRef="inRemit" targetRef="hEnd"/>
        </bpmn:subProcess>
        {{boundary}}
        <bpmn:userTask id="forward" camunda:candidateGroups="inspektorat"/>
        <bpmn:userTask id="close" camunda:candidateGroups="inspektorat"/>
        <bpmn:endEvent id="end"/>
        <bpmn:endEvent id="end2"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handling"/>
        <bpmn:sequenceFlow id="f2" sourceRef="handling" targetRef="close"/>
        <bpmn:sequenceFlow id="f3" sourceRef="close" targetRef="end"/>
        <bpmn:sequenceFlow id="f4" sourceRef="caught" targetRef="forward"/>
        <bpmn:sequenceFlow id="f5" sourceRef="forward" targetRef="end2"/>
        """, root: """<bpmn:error id="errRemit" errorCode="NOT_IN_REMIT"/><bpmn:escalation id="escRemit" escalationCode="NOT_IN_REMIT"/>""");

    private static readonly string WithError = Handling(
        """<bpmn:endEvent id="throw"><bpmn:errorEventDefinition errorRef="errRemit"/></bpmn:endEvent>""",
        """<bpmn:boundaryEvent id="caught" attachedToRef="handling"><bpmn:errorEventDefinition errorRef="errRemit"/></bpmn:boundaryEvent>""");

    [Fact]
    public async Task SubProcess_CompletesWhenItsLastTokenEnds_ThenTheOuterFlowContinues()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(WithError);
        var id = await h.StartAsync();
        Assert.Equal(["handling", "respond"], await h.PositionsAsync(id));
        await h.CompleteAsync(id, "respond", new { notInRemit = false });
        Assert.Equal(["close"], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task ErrorEnd_IsCaughtByTheBoundaryOnTheSubProcess()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(WithError);
        var id = await h.StartAsync();
        await h.CompleteAsync(id, "respond", new { notInRemit = true });
        Assert.Equal(["forward"], await h.PositionsAsync(id));
        Assert.Contains("caught", await h.CompletedActivitiesAsync(id));
        Assert.DoesNotContain("close", await h.CompletedActivitiesAsync(id));
    }

    [Fact]
    public async Task NonInterruptingEscalation_StartsAParallelPath_WhileTheSubProcessGoesOn()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Handling(
            """<bpmn:endEvent id="throw"><bpmn:escalationEventDefinition escalationRef="escRemit"/></bpmn:endEvent>""",
            """<bpmn:boundaryEvent id="caught" attachedToRef="handling" cancelActivity="false"><bpmn:escalationEventDefinition escalationRef="escRemit"/></bpmn:boundaryEvent>"""));
        var id = await h.StartAsync();
        await h.CompleteAsync(id, "respond", new { notInRemit = true });
        // The escalation's path runs, and the sub-process, now empty, completed normally too.
        Assert.Equal(["close", "forward"], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task TerminateEnd_EndsTheWholeInstance_CancellingOtherTasks()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="a" camunda:assignee="demo"/>
            <bpmn:userTask id="b" camunda:assignee="demo"/>
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="a"/>
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="b"/>
            <bpmn:sequenceFlow id="f4" sourceRef="a" targetRef="stop"/>
            <bpmn:sequenceFlow id="f5" sourceRef="b" targetRef="end"/>
            """));
        var id = await h.StartAsync();
        await h.CompleteAsync(id, "a");
        Assert.Empty(await h.TasksAsync(id));
        Assert.Empty(await h.PositionsAsync(id));
        Assert.Equal(InstanceStatus.InternallyTerminated, (await h.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task TimerOnTheSubProcess_CancelsEverythingInside()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Handling(
            """<bpmn:endEvent id="throw"/>""",
            """<bpmn:boundaryEvent id="caught" attachedToRef="handling"><bpmn:timerEventDefinition><bpmn:timeDuration>P3D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>"""));
        var id = await h.StartAsync();
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(3)));
        Assert.Equal(["forward"], await h.PositionsAsync(id));
        Assert.Equal(["forward"], (await h.TasksAsync(id)).Select(t => t.TaskDefinitionKey));
    }
}
