using Lapor.Workflows.Parsing;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Tests.Parsing;

/// <summary>Bad files are refused at deploy with a message naming the element, and nothing is stored.</summary>
public sealed class BpmnRejectionTests
{
    private static async Task<DefinitionException> RefusedAsync(string xml)
    {
        await using var h = new EngineHarness();
        var error = await Assert.ThrowsAsync<DefinitionException>(() => h.DeployAsync(xml));
        Assert.Equal(0, await h.Query(db => db.Set<ProcessDefinitionRow>().CountAsync()));
        return error;
    }

    [Fact]
    public async Task MalformedXml_IsRefusedWithTheLine()
    {
        var error = await RefusedAsync("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\">\n<bpmn:process id=\"p\">\n</bpmn:definitions>");
        Assert.Contains("not well-formed", error.Message);
        Assert.NotNull(Assert.Single(error.Problems).Line);
    }

    [Fact]
    public async Task ExternalEntity_IsRefusedAndNeverRead()
    {
        var secret = Path.GetTempFileName();
        await File.WriteAllTextAsync(secret, "RAHASIA");
        var xml = $"""
            <?xml version="1.0"?>
            <!DOCTYPE d [ <!ENTITY x SYSTEM "file://{secret}"> ]>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"><bpmn:process id="p" name="&x;"/></bpmn:definitions>
            """;
        var error = await RefusedAsync(xml);
        Assert.Contains("DOCTYPE", error.Message);
        Assert.DoesNotContain("RAHASIA", error.Message);
        File.Delete(secret);
    }

    [Fact]
    public async Task OversizedFile_IsRefused()
    {
        var error = await RefusedAsync(Bpmn.Process($"<bpmn:documentation>{new string('x', BpmnParser.MaxCharacters)}</bpmn:documentation>"));
        Assert.Contains("limit", error.Message);
    }

    [Theory]
    [InlineData("""<bpmn:complexGateway id="cg1"/>""", "cg1", "not supported")]
    [InlineData("""<bpmn:scriptTask id="script1"/>""", "script1", "not supported")]
    [InlineData("""<bpmn:callActivity id="call1"/>""", "call1", "not supported")]
    [InlineData("""<bpmn:intermediateThrowEvent id="sig1"><bpmn:signalEventDefinition/></bpmn:intermediateThrowEvent>""", "sig1", "signalEventDefinition")]
    [InlineData("""<bpmn:subProcess id="evt1" triggeredByEvent="true"/>""", "evt1", "event sub-process")]
    public async Task UnknownOrUnsupportedElement_IsRefusedByName(string element, string id, string says)
    {
        var error = await RefusedAsync(Bpmn.Process($"""
            <bpmn:startEvent id="start"/><bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
            {element}
            """));
        var problem = Assert.Single(error.Problems, p => p.ElementId == id);
        Assert.Contains(says, problem.Message);
    }

    [Fact]
    public async Task FlowToAMissingElement_NamesTheFlowAndTheTarget()
    {
        var error = await RefusedAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="ghost"/>
            """));
        var problem = Assert.Single(error.Problems, p => p.ElementId == "f1");
        Assert.Contains("'ghost'", problem.Message);
    }

    [Fact]
    public async Task UnparsableCondition_NamesTheFlow()
    {
        var error = await RefusedAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:exclusiveGateway id="gw" default="f3"/>
            <bpmn:endEvent id="a"/><bpmn:endEvent id="b"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="a"><bpmn:conditionExpression>${rating &gt;}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="b"/>
            """));
        var problem = Assert.Single(error.Problems, p => p.ElementId == "f2");
        Assert.Contains("does not parse", problem.Message);
    }

    [Theory]
    [InlineData("<bpmn:timeDuration>P5X</bpmn:timeDuration>")]
    [InlineData("<bpmn:timeDate>next tuesday</bpmn:timeDate>")]
    [InlineData("<bpmn:timeCycle>R3/soon</bpmn:timeCycle>")]
    [InlineData("<bpmn:timeDuration>${workingDays(}</bpmn:timeDuration>")]
    public async Task UnparsableTimer_NamesTheEvent(string timer)
    {
        var error = await RefusedAsync(Bpmn.Process($"""
            <bpmn:startEvent id="start"/>
            <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition>{timer}</bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
            <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="end"/>
            """));
        Assert.Contains(error.Problems, p => p.ElementId == "wait" && p.Message.StartsWith("Timer", StringComparison.Ordinal));
    }

    [Fact]
    public async Task StructuralMistakes_AreAllReportedAtOnce()
    {
        var error = await RefusedAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:startEvent id="start2"/>
            <bpmn:userTask id="nobody"/>
            <bpmn:userTask id="island" camunda:assignee="x"/>
            <bpmn:parallelGateway id="fork"/>
            <bpmn:endEvent id="end"/>
            <bpmn:boundaryEvent id="err" attachedToRef="nobody"><bpmn:errorEventDefinition/></bpmn:boundaryEvent>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="nobody"/>
            <bpmn:sequenceFlow id="f2" sourceRef="nobody" targetRef="fork"/>
            <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="end"><bpmn:conditionExpression>${x}</bpmn:conditionExpression></bpmn:sequenceFlow>
            <bpmn:sequenceFlow id="f4" sourceRef="start2" targetRef="end"/>
            <bpmn:sequenceFlow id="f5" sourceRef="err" targetRef="end"/>
            """));
        Assert.Contains(error.Problems, p => p.ElementId == "p" && p.Message.Contains("exactly one none start event"));
        Assert.Contains(error.Problems, p => p.ElementId == "nobody" && p.Message.Contains("assignee"));
        Assert.Contains(error.Problems, p => p.ElementId == "island" && p.Message.Contains("no incoming"));
        Assert.Contains(error.Problems, p => p.ElementId == "f3" && p.Message.Contains("parallel gateway"));
        Assert.Contains(error.Problems, p => p.ElementId == "err" && p.Message.Contains("sub-processes only"));
    }

    [Fact]
    public async Task ExclusiveGatewayWithTwoUnconditionalFlows_IsRefused()
    {
        var error = await RefusedAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:exclusiveGateway id="gw"/>
            <bpmn:endEvent id="a"/><bpmn:endEvent id="b"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="gw"/>
            <bpmn:sequenceFlow id="f2" sourceRef="gw" targetRef="a"/>
            <bpmn:sequenceFlow id="f3" sourceRef="gw" targetRef="b"/>
            """));
        Assert.Contains(error.Problems, p => p.ElementId == "gw" && p.Message.Contains("default flow"));
    }

    [Fact]
    public async Task UnregisteredServiceHandler_IsRefusedAtDeploy()
    {
        var error = await RefusedAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:serviceTask id="sms" camunda:delegateExpression="${sendSms}"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="sms"/>
            """));
        Assert.Contains(error.Problems, p => p.ElementId == "sms" && p.Message.Contains("'sendSms' is not registered"));
    }

    // Found by fuzzing (tests/Lapor.Fuzz/Corpus/bpmn/regression-duplicate-flow-id.bpmn): a repeated id threw
    // ArgumentException from the model's index instead of being refused.
    [Theory]
    [InlineData("""<bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end"/>""")]
    [InlineData("""<bpmn:endEvent id="end"/>""")]
    [InlineData("""<bpmn:subProcess id="sub"><bpmn:startEvent id="start"/></bpmn:subProcess>""")]
    public async Task RepeatedId_IsRefusedByName(string repeated)
    {
        var error = await RefusedAsync(Bpmn.Process($"""
            <bpmn:startEvent id="start"/><bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="end"/>
            {repeated}
            """));
        Assert.Contains(error.Problems, p => p.Message.Contains("is used by more than one element"));
    }
}
