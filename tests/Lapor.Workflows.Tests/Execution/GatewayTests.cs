using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Execution;

public sealed class GatewayTests
{
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

    [Theory]
    [InlineData("verify", "respond")]
    [InlineData("hold", "askReporter")]
    [InlineData("something else", "archive")]
    public async Task ExclusiveGateway_TakesTheFlowWhoseConditionHolds_ElseTheDefault(string decision, string expected)
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Triage);
        var id = await h.StartAsync(variables: new { agency = "dinkes" });
        await h.CompleteAsync(id, "verify", new { decision });
        Assert.Equal([expected], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task ExclusiveGatewayWithNoWayOut_RefusesTheCompletion_AndChangesNothing()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="a" camunda:assignee="demo"/>
            <bpmn:exclusiveGateway id="gw"/>
            <bpmn:endEvent id="yes"/>
            <bpmn:endEvent id="no"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="a"/>
            <bpmn:sequenceFlow id="f2" sourceRef="a" targetRef="gw"/>
            <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="yes"><bpmn:conditionExpression>${n &gt; 10}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f4" sourceRef="gw" targetRef="no"><bpmn:conditionExpression>${n &lt; 0}</bpmn:conditionExpression></bpmn:sequenceFlow>
            """));
        var id = await h.StartAsync();

        var error = await Assert.ThrowsAsync<WorkflowException>(() => h.CompleteAsync(id, "a", new { n = 5 }));
        Assert.Contains("'gw'", error.Message);
        Assert.Equal(["a"], await h.PositionsAsync(id));
        Assert.DoesNotContain("n", (await h.VariablesAsync(id)).Keys);

        await h.CompleteAsync(id, "a", new { n = 11 });
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task ConditionOnUnknownVariable_NamesTheFlowAndTheVariable()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Triage);
        var id = await h.StartAsync(variables: new { agency = "dinkes" });
        var error = await Assert.ThrowsAsync<WorkflowException>(() => h.CompleteAsync(id, "verify"));
        Assert.Contains("toRespond", error.Message);
        Assert.Contains("decision", error.Message);
    }

    [Fact]
    public async Task ParallelGateway_ForksAndJoinsOnceBothBranchesArrive()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.ForkJoin());
        var id = await h.StartAsync();
        Assert.Equal(["dinkes", "dishub"], await h.PositionsAsync(id));

        await h.CompleteAsync(id, "dishub");
        Assert.Equal(["dinkes", "join"], await h.PositionsAsync(id));
        Assert.DoesNotContain(await h.TasksAsync(id), t => t.TaskDefinitionKey == "summary");

        await h.CompleteAsync(id, "dinkes");
        Assert.Equal(["summary"], await h.PositionsAsync(id));
        await h.CompleteAsync(id, "summary");
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task EventBasedGateway_FollowsWhicheverEventComesFirst(bool replyArrives)
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:eventBasedGateway id="wait"/>
            <bpmn:intermediateCatchEvent id="reply"><bpmn:messageEventDefinition messageRef="msgReply"/></bpmn:intermediateCatchEvent>
            <bpmn:intermediateCatchEvent id="timeout"><bpmn:timerEventDefinition><bpmn:timeDuration>P10D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:userTask id="review" camunda:assignee="demo"/>
            <bpmn:endEvent id="closed"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="reply"/>
            <bpmn:sequenceFlow id="f3" sourceRef="wait" targetRef="timeout"/>
            <bpmn:sequenceFlow id="f4" sourceRef="reply" targetRef="review"/>
            <bpmn:sequenceFlow id="f5" sourceRef="timeout" targetRef="closed"/>
            """, root: """<bpmn:message id="msgReply" name="ReporterReplied"/>"""));
        var id = await h.StartAsync(businessKey: "LPR-1");
        Assert.Equal(["wait"], await h.PositionsAsync(id));

        if (replyArrives)
        {
            await h.With(e => e.CorrelateAsync(new MessageCorrelation("ReporterReplied", BusinessKey: "LPR-1"), "reporter"));
            Assert.Equal(["review"], await h.PositionsAsync(id));
            Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromDays(11)));
            Assert.Equal(["review"], await h.PositionsAsync(id));
        }
        else
        {
            Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(10)));
            Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
            await Assert.ThrowsAsync<WorkflowException>(() => h.With(e => e.CorrelateAsync(new MessageCorrelation("ReporterReplied", BusinessKey: "LPR-1"), "reporter")));
        }
    }
}
