using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Semantics;

/// <summary>Token movement through gateways and end events, checked on the interpreter alone.</summary>
public sealed class FlowSemanticsTests
{
    private static readonly DateTimeOffset Monday = new(2026, 3, 2, 9, 0, 0, TimeSpan.Zero);

    private static readonly string Triage = Bpmn.Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="verify" camunda:candidateGroups="inspektorat"/>
        <bpmn:exclusiveGateway id="outcome" default="toArchive"/>
        <bpmn:userTask id="respond" camunda:candidateGroups="${agency}"/>
        <bpmn:userTask id="askReporter" camunda:assignee="reporter"/>
        <bpmn:userTask id="archive" camunda:candidateGroups="inspektorat"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="verify"/>
        <bpmn:sequenceFlow id="f2" sourceRef="verify" targetRef="outcome"/>
        <bpmn:sequenceFlow id="toRespond" sourceRef="outcome" targetRef="respond">
          <bpmn:conditionExpression>${decision == 'verify'}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="toAsk" sourceRef="outcome" targetRef="askReporter">
          <bpmn:conditionExpression>${decision eq "hold"}</bpmn:conditionExpression>
        </bpmn:sequenceFlow>
        <bpmn:sequenceFlow id="toArchive" sourceRef="outcome" targetRef="archive"/>
        <bpmn:sequenceFlow id="f3" sourceRef="respond" targetRef="end"/>
        <bpmn:sequenceFlow id="f4" sourceRef="askReporter" targetRef="end"/>
        <bpmn:sequenceFlow id="f5" sourceRef="archive" targetRef="end"/>
        """);

    [Fact]
    public void Start_PassesTheStartEvent_AndWaitsAtTheFirstTask_WithOneTaskCreated()
    {
        var instance = new PureInstance(Triage, Monday).Start(new { agency = "dinkes" });

        Assert.Equal(["start", "verify"], instance.Started());
        Assert.Equal(["start"], instance.Ended());
        var task = Assert.Single(instance.TasksCreated(instance.Last));
        Assert.Equal("verify", task.TaskDefinitionKey);
        Assert.Equal(["inspektorat"], task.CandidateGroups);
        Assert.Equal(["verify"], instance.Positions());
        Assert.Equal(InstanceStatus.Active, instance.State.Status);
    }

    [Theory]
    [InlineData("verify", "respond")]
    [InlineData("hold", "askReporter")]
    [InlineData("anything else", "archive")]
    public void ExclusiveGateway_TakesTheFlowWhoseConditionHolds_ElseTheDefault(string decision, string expected)
    {
        var instance = new PureInstance(Triage, Monday).Start(new { agency = "dinkes" }).Complete("verify", new { decision });

        Assert.Equal([expected], instance.Positions());
        Assert.Contains("outcome", instance.Started());
        Assert.Contains("outcome", instance.Ended());
    }

    [Theory]
    [InlineData("verify", "toRespond")]
    [InlineData("anything else", "toArchive")]
    public void EveryEnteredNode_NamesTheSequenceFlowItCameAlong(string decision, string flowTaken)
    {
        var instance = new PureInstance(Triage, Monday).Start(new { agency = "dinkes" });
        Assert.Equal(new string?[] { null, "f1" }, instance.Last.OfType<Effect.ActivityStarted>().Select(e => e.FlowId).ToArray());

        instance.Complete("verify", new { decision });

        Assert.Equal(new string?[] { "f2", flowTaken }, instance.Last.OfType<Effect.ActivityStarted>().Select(e => e.FlowId).ToArray());
    }

    [Fact]
    public void CandidateGroupExpression_IsEvaluatedWhenTheTaskIsCreated()
    {
        var instance = new PureInstance(Triage, Monday).Start(new { agency = "dishub" }).Complete("verify", new { decision = "verify" });

        var respond = Assert.Single(instance.TasksCreated(instance.Last));
        Assert.Equal(["dishub"], respond.CandidateGroups);
    }

    [Fact]
    public void ExclusiveGatewayWithNoWayOut_Throws_NamingTheGateway()
    {
        var instance = new PureInstance(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:exclusiveGateway id="gw"/>
            <bpmn:endEvent id="yes"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="yes"><bpmn:conditionExpression>${n &gt; 10}</bpmn:conditionExpression></bpmn:sequenceFlow>
            """), Monday);

        var error = Assert.ThrowsAny<WorkflowException>(() => instance.Start(new { n = 3 }));
        Assert.Contains("gw", error.Message);
    }

    [Fact]
    public void ParallelJoin_WaitsForEveryBranch_ThenContinuesOnce()
    {
        var instance = new PureInstance(Bpmn.ForkJoin(), Monday).Start();
        Assert.Equal(["dinkes", "dishub"], instance.TasksCreated(instance.Last).Select(t => t.TaskDefinitionKey).ToArray());

        instance.Complete("dinkes");
        Assert.Equal(["dishub"], instance.Positions());
        Assert.Empty(instance.TasksCreated(instance.Last));

        instance.Complete("dishub");
        Assert.Equal(["summary"], instance.Positions());
        Assert.Single(instance.TasksCreated(instance.Last));
        Assert.Single(instance.State.Tokens);
    }

    [Fact]
    public void LastEndEvent_CompletesTheInstance_AndAFurtherTriggerIsRefused()
    {
        var instance = new PureInstance(Bpmn.Sequence("a"), Monday).Start().Complete("a");

        Assert.Equal(InstanceStatus.Completed, instance.State.Status);
        Assert.Equal(InstanceStatus.Completed, Assert.Single(instance.Last.OfType<Effect.InstanceEnded>()).Status);
        Assert.Empty(instance.State.Tokens);
        Assert.Throws<WorkflowConflictException>(() => instance.Apply(new Trigger.SetVariables(new Dictionary<string, TypedValue>())));
    }

    [Fact]
    public void TerminateEndEvent_CancelsTheOtherBranches()
    {
        var instance = new PureInstance(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:userTask id="slow" camunda:assignee="demo"/>
            <bpmn:userTask id="fast" camunda:assignee="demo"/>
            <bpmn:endEvent id="stop"><bpmn:terminateEventDefinition/></bpmn:endEvent>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
            <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="slow"/>
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="fast"/>
            <bpmn:sequenceFlow id="f4" sourceRef="fast" targetRef="stop"/>
            <bpmn:sequenceFlow id="f5" sourceRef="slow" targetRef="end"/>
            """), Monday).Start();

        instance.Complete("fast");

        // Camunda's historic state for an instance ended by a terminate end event.
        Assert.Equal(InstanceStatus.InternallyTerminated, instance.State.Status);
        var cancelled = Assert.Single(instance.Last.OfType<Effect.ActivityEnded>(), e => e.Canceled);
        Assert.Equal("slow", cancelled.Node.Id);
        Assert.Contains(instance.Last.OfType<Effect.WaitsCancelled>(), w => w.Node.Id == "slow");
    }

    [Fact]
    public void CancelInstance_EndsEveryWait_AndTheInstanceIsExternallyTerminated()
    {
        var instance = new PureInstance(Bpmn.ForkJoin(), Monday).Start();

        instance.Apply(new Trigger.CancelInstance("withdrawn by the reporter"));

        Assert.Equal(InstanceStatus.ExternallyTerminated, instance.State.Status);
        Assert.Equal(["dinkes", "dishub"], instance.Last.OfType<Effect.WaitsCancelled>().Select(w => w.Node.Id).Order(StringComparer.Ordinal).ToArray());
        Assert.All(instance.Last.OfType<Effect.ActivityEnded>(), e => Assert.True(e.Canceled));
    }

    [Fact]
    public void ALoopWithoutAWaitState_IsRefused_AfterTheStepLimit()
    {
        var instance = new PureInstance(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:exclusiveGateway id="a"/>
            <bpmn:exclusiveGateway id="b"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a"/>
            <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="b"/>
            <bpmn:sequenceFlow id="f3" sourceRef="b" targetRef="a"/>
            """), Monday);

        var error = Assert.ThrowsAny<WorkflowException>(() => instance.Start());
        Assert.Contains("without waiting", error.Message);
    }

    [Fact]
    public void SettingAVariable_RecordsItsOldAndNewValue()
    {
        var instance = new PureInstance(Bpmn.Sequence("a"), Monday).Start(new { count = 1 });

        instance.Apply(new Trigger.SetVariables(new Dictionary<string, TypedValue> { ["count"] = TypedValue.From(2) }));

        var change = Assert.Single(instance.Last.OfType<Effect.VariableChanged>());
        Assert.Equal("count", change.Name);
        Assert.Equal(1L, change.OldValue!.Value);
        Assert.Equal(2L, change.NewValue.Value);
        Assert.Equal(2L, instance.Variable("count"));
    }

    [Fact]
    public void ExpressionServiceTask_RunsInline_AndStoresItsResult()
    {
        var instance = new PureInstance(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:serviceTask id="calc" camunda:expression="${rating * 20}" camunda:resultVariable="score"/>
            <bpmn:userTask id="review" camunda:assignee="demo"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="calc"/>
            <bpmn:sequenceFlow id="f2" sourceRef="calc" targetRef="review"/>
            """), Monday).Start(new { rating = 4 });

        Assert.Equal(80L, instance.Variable("score"));
        Assert.Equal(["review"], instance.Positions());
    }
}
