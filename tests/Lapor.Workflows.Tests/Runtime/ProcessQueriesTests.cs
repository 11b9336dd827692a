using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Runtime;

public sealed class ProcessQueriesTests
{
    private static readonly string Process = Bpmn.Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:subProcess id="handling">
          <bpmn:extensionElements><camunda:properties><camunda:property name="phase" value="agency"/></camunda:properties></bpmn:extensionElements>
          <bpmn:startEvent id="hs"/>
          <bpmn:userTask id="respond" name="Tindak lanjut" camunda:candidateGroups="dinkes">
            <bpmn:extensionElements><camunda:properties>
              <camunda:property name="stage" value="Sedang ditindaklanjuti"/>
              <camunda:property name="stage.en" value="Being handled"/>
            </camunda:properties></bpmn:extensionElements>
          </bpmn:userTask>
          <bpmn:sequenceFlow id="h1" sourceRef="hs" targetRef="respond"/>
        </bpmn:subProcess>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="handling"/>
        """);

    [Fact]
    public async Task ElementProperties_CanBeListedAndFilteredByName()
    {
        await using var h = new EngineHarness();
        var definition = Assert.Single((await h.DeployAsync(Process)).Deployed);
        await using var scope = h.Services.CreateAsyncScope();
        var queries = scope.ServiceProvider.GetRequiredService<ProcessQueries>();

        var all = await queries.ElementPropertiesAsync(definition.Id);
        Assert.Equal(["handling", "respond"], all.Keys.Order());
        var stages = await queries.ElementPropertiesAsync(definition.Id, "stage");
        Assert.Equal("Being handled", Assert.Single(stages).Value["stage.en"]);
    }

    [Fact]
    public async Task Positions_ShowWhereTheInstanceWaits_WithTheStage()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Process);
        var id = await h.StartAsync();
        await using var scope = h.Services.CreateAsyncScope();
        var positions = await scope.ServiceProvider.GetRequiredService<ProcessQueries>().PositionsAsync(id);

        Assert.Equal(["handling", "respond"], positions.Select(p => p.ActivityId));
        var innermost = positions[^1];
        Assert.Equal(("userTask", "Tindak lanjut", "Sedang ditindaklanjuti"), (innermost.ActivityType, innermost.ActivityName, innermost.Properties["stage"]));
        Assert.Equal(positions[0].ExecutionId, innermost.ScopeExecutionId);
    }
}
