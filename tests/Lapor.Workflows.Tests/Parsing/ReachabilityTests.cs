using Lapor.Workflows.Expressions;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Parsing;

/// <summary>One missing flow is one problem: the element nothing leads to, with the elements it cuts off folded under it.</summary>
public sealed class ReachabilityTests
{
    private static IReadOnlyList<DefinitionProblem> Validate(string xml) =>
        new BpmnValidator(new ExpressionEvaluator()).Validate(BpmnParser.Parse("p.bpmn", xml)[0]);

    private static readonly string[] Steps = Enumerable.Range(1, 37).Select(i => $"t{i}").ToArray();

    [Fact]
    public void AMissingFlowInALongChain_IsOneProblem_WithTheStepsAfterItFolded()
    {
        // start → t1 → … → t37 → end, without the flow into t2.
        var xml = Bpmn.Sequence(Steps).Replace("""<bpmn:sequenceFlow id="f1" sourceRef="t1" targetRef="t2"/>""", "");

        var problems = Validate(xml);

        var problem = Assert.Single(problems);
        Assert.Equal(("t2", "NoIncoming"), (problem.ElementId, problem.Code));
        Assert.Contains("no incoming sequence flow", problem.Message);
        Assert.Equal(Steps.Skip(2).Append("end"), problem.Consequences);
    }

    [Fact]
    public void AStartEventThatLeadsNowhere_IsOneProblem_WithEveryStepFoldedUnderIt()
    {
        // start → t1 → … → t37 → end, without the flow out of the start event.
        var xml = Bpmn.Sequence(Steps).Replace("""<bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="t1"/>""", "");

        var problem = Assert.Single(Validate(xml));

        Assert.Equal(("start", "NoOutgoing"), (problem.ElementId, problem.Code));
        Assert.Equal(Steps.Append("end"), problem.Consequences);
    }

    [Fact]
    public void ALoopWithNoWayIn_IsReportedOnce()
    {
        var xml = Bpmn.Process("""
            <bpmn:startEvent id="start"/><bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="end"/>
            <bpmn:userTask id="a" camunda:assignee="demo"/><bpmn:userTask id="b" camunda:assignee="demo"/><bpmn:userTask id="c" camunda:assignee="demo"/>
            <bpmn:sequenceFlow id="ab" sourceRef="a" targetRef="b"/><bpmn:sequenceFlow id="bc" sourceRef="b" targetRef="c"/>
            <bpmn:sequenceFlow id="ca" sourceRef="c" targetRef="a"/>
            """);

        var problem = Assert.Single(Validate(xml));

        Assert.Equal(("a", "Unreachable"), (problem.ElementId, problem.Code));
        Assert.Equal(["b", "c"], problem.Consequences);
    }

    [Fact]
    public void TwoCuts_AreTwoProblems_AndAStepBehindBothIsCountedOnce()
    {
        var xml = Bpmn.Process("""
            <bpmn:startEvent id="start"/><bpmn:endEvent id="end"/>
            <bpmn:userTask id="a" camunda:assignee="demo"/><bpmn:userTask id="b" camunda:assignee="demo"/>
            <bpmn:parallelGateway id="join"/>
            <bpmn:sequenceFlow id="f1" sourceRef="a" targetRef="join"/><bpmn:sequenceFlow id="f2" sourceRef="b" targetRef="join"/>
            <bpmn:sequenceFlow id="f3" sourceRef="join" targetRef="end"/>
            <bpmn:sequenceFlow id="f4" sourceRef="start" targetRef="end"/>
            """);

        var problems = Validate(xml);

        Assert.Equal(["a", "b"], problems.Select(p => p.ElementId));
        Assert.Equal(["join"], problems[0].Consequences);
        Assert.Empty(problems[1].Consequences);
        Assert.All(problems, p => Assert.Equal("NoIncoming", p.Code));
    }

    [Fact]
    public void RuleProblems_CarryTheirCodeAndArguments_ForAHostToTranslate()
    {
        var xml = Bpmn.Process("""
            <bpmn:startEvent id="start"/><bpmn:userTask id="t" camunda:priority="tinggi"/><bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="t"/><bpmn:sequenceFlow id="f2" sourceRef="t" targetRef="end"/>
            """);

        var problems = Validate(xml);

        Assert.Contains(problems, p => p is { ElementId: "t", Code: "UserTaskNobody" });
        var priority = Assert.Single(problems, p => p.Code == "PriorityNotNumber");
        Assert.Equal(["tinggi"], priority.Arguments);
        Assert.Equal("camunda:priority 'tinggi' is not a whole number.", priority.Message);
    }
}
