using Lapor.Workflows.Definitions;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Migration;
using Lapor.Workflows.Parsing;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Migration;

public sealed class MigrationPlannerTests
{
    private static readonly ProcessModel Source = Model("""
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="a" camunda:assignee="demo"/>
        <bpmn:serviceTask id="svc" camunda:expression="${1}"/>
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="s_start"/><bpmn:userTask id="inner" camunda:assignee="demo"/><bpmn:endEvent id="s_end"/>
          <bpmn:sequenceFlow id="s1" sourceRef="s_start" targetRef="inner"/><bpmn:sequenceFlow id="s2" sourceRef="inner" targetRef="s_end"/>
        </bpmn:subProcess>
        <bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork"/>
        <bpmn:sequenceFlow id="f1" sourceRef="fork" targetRef="a"/>
        <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="sub"/>
        <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="t"/>
        <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="svc"/>
        """);

    private static readonly ProcessModel Target = Model("""
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:userTask id="a" camunda:assignee="demo"/>
        <bpmn:serviceTask id="a2" camunda:expression="${1}"/>
        <bpmn:receiveTask id="svc" messageRef="m"/>
        <bpmn:userTask id="outer" camunda:assignee="demo"/>
        <bpmn:subProcess id="sub">
          <bpmn:startEvent id="s_start"/><bpmn:userTask id="inner" camunda:assignee="demo"/><bpmn:endEvent id="s_end"/>
          <bpmn:sequenceFlow id="s1" sourceRef="s_start" targetRef="inner"/><bpmn:sequenceFlow id="s2" sourceRef="inner" targetRef="s_end"/>
        </bpmn:subProcess>
        <bpmn:subProcess id="other">
          <bpmn:startEvent id="o_start"/><bpmn:userTask id="inner2" camunda:assignee="demo"/><bpmn:endEvent id="o_end"/>
          <bpmn:sequenceFlow id="o1" sourceRef="o_start" targetRef="inner2"/><bpmn:sequenceFlow id="o2" sourceRef="inner2" targetRef="o_end"/>
        </bpmn:subProcess>
        <bpmn:intermediateCatchEvent id="t"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f0" sourceRef="start" targetRef="fork"/>
        <bpmn:sequenceFlow id="f1" sourceRef="fork" targetRef="a"/>
        <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="sub"/>
        <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="t"/>
        <bpmn:sequenceFlow id="f4" sourceRef="fork" targetRef="a2"/>
        <bpmn:sequenceFlow id="f5" sourceRef="fork" targetRef="svc"/>
        <bpmn:sequenceFlow id="f6" sourceRef="fork" targetRef="outer"/>
        <bpmn:sequenceFlow id="f7" sourceRef="fork" targetRef="other"/>
        """, root: """<bpmn:message id="m" name="jawaban"/>""");

    private static ProcessModel Model(string body, string root = "") => BpmnParser.Parse("p.bpmn", Bpmn.Process(body, root: root))[0];

    private static MigrationPlan Plan(params (string From, string To)[] pairs) =>
        new("p:1", "p:2", pairs.Select(p => new MigrationInstruction(p.From, p.To)).ToList());

    private static MigrationCandidate At(params (string Token, string Activity, string? Scope)[] positions) =>
        new("i1", "LPR-1", "p:1", InstanceStatus.Active, false, positions.Select(p => new MigrationCandidate.Position(p.Token, p.Activity, p.Scope)).ToList());

    private static IReadOnlyList<string> Problems(MigrationPlan plan, MigrationCandidate candidate) =>
        MigrationPlanner.Check(plan, Source, Target, candidate).Problems;

    [Fact]
    public void DefaultMapping_PairsElementsWithTheSameIdAndKind_Only()
    {
        var instructions = MigrationPlanner.DefaultInstructions(Source, Target);

        // 'svc' is a service task in the source and a receive task in the target; gateways without a join are not waits.
        Assert.Equal(["a", "inner", "sub", "t"], instructions.Select(i => i.SourceActivityId));
        Assert.All(instructions, i => Assert.Equal(i.SourceActivityId, i.TargetActivityId));
    }

    [Fact]
    public void InstanceWithEveryTokenMapped_CanMove()
    {
        var check = MigrationPlanner.Check(Plan(("a", "a"), ("sub", "sub"), ("inner", "inner")), Source, Target,
            At(("t1", "a", null), ("t2", "sub", null), ("t3", "inner", "t2")));

        Assert.True(check.CanMove, string.Join("; ", check.Problems));
        Assert.Equal(["a", "sub", "inner"], check.ActivityIds);
    }

    [Fact]
    public void TokenAtAnUnmappedActivity_IsReported()
    {
        var problems = Problems(Plan(("a", "a")), At(("t1", "a", null), ("t2", "t", null)));
        Assert.Equal(["active in activity 't' which has no mapping"], problems);
    }

    [Fact]
    public void TargetOfAnotherKind_IsReported_InThePlanAndForTheInstance()
    {
        var plan = Plan(("a", "a2"));
        Assert.Equal(["mapped target 'a2' is not the same kind of element as 'a' (serviceTask, not userTask)"], Problems(plan, At(("t1", "a", null))));
        Assert.Single(MigrationPlanner.CheckPlan(plan, Source, Target));
    }

    [Fact]
    public void TargetInsideAnotherSubProcess_IsReported()
    {
        var intoOther = Problems(Plan(("sub", "sub"), ("inner", "inner2")), At(("t2", "sub", null), ("t3", "inner", "t2")));
        Assert.Equal(["target 'inner2' is inside a different sub-process (sub-process 'other' instead of sub-process 'sub')"], intoOther);

        var outOfIt = Problems(Plan(("sub", "sub"), ("inner", "outer")), At(("t2", "sub", null), ("t3", "inner", "t2")));
        Assert.Equal(["target 'outer' is inside a different sub-process (the process itself instead of sub-process 'sub')"], outOfIt);
    }

    [Fact]
    public void MissingTarget_IsReported()
    {
        Assert.Equal(["mapped target 'gone' does not exist in the target version"], Problems(Plan(("a", "gone")), At(("t1", "a", null))));
    }

    [Fact]
    public void SuspendedEndedAndOtherVersionInstances_StayWhereTheyAre()
    {
        var plan = Plan(("a", "a"));
        var position = new[] { new MigrationCandidate.Position("t1", "a", null) };
        Assert.Equal(["instance is suspended"], MigrationPlanner.Check(plan, Source, Target, new("i", null, "p:1", InstanceStatus.Active, true, position)).Problems);
        Assert.Equal(["instance has ended (Completed)"], MigrationPlanner.Check(plan, Source, Target, new("i", null, "p:1", InstanceStatus.Completed, false, [])).Problems);
        Assert.Equal(["instance runs on another version ('p:3')"], MigrationPlanner.Check(plan, Source, Target, new("i", null, "p:3", InstanceStatus.Active, false, position)).Problems);
    }
}
