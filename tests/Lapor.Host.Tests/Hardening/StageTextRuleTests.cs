using System.Net;
using Lapor.Host.Tests.Support;
using static Lapor.Host.Tests.Support.EngineRestCalls;

namespace Lapor.Host.Tests.Hardening;

/// <summary>Text a citizen will read is checked when the process is deployed, naming the element, not ignored later.</summary>
public sealed class StageTextRuleTests(LaporHostFactory host) : IClassFixture<LaporHostFactory>
{
    private static string WithStage(string stage) => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="tahapUji" isExecutable="true">
            <bpmn:startEvent id="mulai" />
            <bpmn:userTask id="periksa" camunda:candidateGroups="inspektorat">
              <bpmn:extensionElements><camunda:properties><camunda:property name="stage" value="{stage}" /></camunda:properties></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="selesai" />
            <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="periksa" />
            <bpmn:sequenceFlow id="f2" sourceRef="periksa" targetRef="selesai" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Theory]
    [InlineData("&lt;script&gt;alert(1)&lt;/script&gt;Diperiksa")]
    [InlineData("&lt;b onmouseover=&quot;x()&quot;&gt;Diperiksa&lt;/b&gt;")]
    [InlineData("   ")]
    public async Task AStageTextWithMarkupOrNothing_IsRefusedAtDeploy_NamingTheElement(string stage)
    {
        using var response = await host.Admin.DeployAsync("tahap", false, ("tahap.bpmn", WithStage(stage)));
        var error = await ExpectErrorAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("periksa", error.ToString());
        Assert.Empty((await host.Admin.GetJsonAsync("process-definition?key=tahapUji")).EnumerateArray());
    }

    /// <summary>A stage on a boundary event (the way a case came into a step) is read by citizens too.</summary>
    private static string WithBoundaryStage(string stage, string reportStatus = "awaiting-confirmation") => $"""
        <?xml version="1.0" encoding="UTF-8"?>
        <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:camunda="http://camunda.org/schema/1.0/bpmn" id="d" targetNamespace="http://bpmn.io/schema/bpmn">
          <bpmn:process id="tahapBatas" isExecutable="true">
            <bpmn:startEvent id="mulai" />
            <bpmn:userTask id="periksa" camunda:candidateGroups="inspektorat" />
            <bpmn:boundaryEvent id="terlambat" attachedToRef="periksa">
              <bpmn:extensionElements><camunda:properties><camunda:property name="stage.en" value="{stage}" /></camunda:properties></bpmn:extensionElements>
              <bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition>
            </bpmn:boundaryEvent>
            <bpmn:userTask id="konfirmasi" camunda:candidateGroups="inspektorat">
              <bpmn:extensionElements><camunda:properties><camunda:property name="reportStatus" value="{reportStatus}" /></camunda:properties></bpmn:extensionElements>
            </bpmn:userTask>
            <bpmn:endEvent id="selesai" />
            <bpmn:sequenceFlow id="f1" sourceRef="mulai" targetRef="periksa" />
            <bpmn:sequenceFlow id="f2" sourceRef="periksa" targetRef="konfirmasi" />
            <bpmn:sequenceFlow id="f3" sourceRef="terlambat" targetRef="konfirmasi" />
            <bpmn:sequenceFlow id="f4" sourceRef="konfirmasi" targetRef="selesai" />
          </bpmn:process>
        </bpmn:definitions>
        """;

    [Fact]
    public async Task AStageTextWithMarkupOnABoundaryEvent_IsRefusedAtDeploy_NamingTheBoundaryEvent()
    {
        using var refused = await host.Admin.DeployAsync("batas", false, ("batas.bpmn", WithBoundaryStage("&lt;i&gt;Late&lt;/i&gt;")));
        Assert.Contains("terlambat", (await ExpectErrorAsync(refused, HttpStatusCode.BadRequest)).ToString());

        using var deployed = await host.Admin.DeployAsync("batas", false, ("batas.bpmn", WithBoundaryStage("Escalated: deadline passed")));
        Assert.Equal(HttpStatusCode.OK, deployed.StatusCode);
    }

    [Fact]
    public async Task AnUnknownReportStatus_IsRefusedAtDeploy_NamingTheElement()
    {
        using var response = await host.Admin.DeployAsync("batas", false, ("batas.bpmn", WithBoundaryStage("Escalated", reportStatus: "done")));
        var error = (await ExpectErrorAsync(response, HttpStatusCode.BadRequest)).ToString();
        Assert.Contains("konfirmasi", error);
        Assert.Contains("awaiting-confirmation", error);
    }

    [Fact]
    public async Task APlainStageText_Deploys()
    {
        using var response = await host.Admin.DeployAsync("tahap", false, ("tahap.bpmn", WithStage("Sedang diperiksa Inspektorat")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
