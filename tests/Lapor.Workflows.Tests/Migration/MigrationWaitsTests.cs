using Lapor.Workflows.Migration;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Tests.Migration;

public sealed class MigrationWaitsTests
{
    /// <summary>A sub-process in which the case waits for the reporter's reply, named <paramref name="message"/>.</summary>
    private static string Model(string message) => Bpmn.Process($"""
        <bpmn:startEvent id="start"/>
        <bpmn:subProcess id="clarify">
          <bpmn:startEvent id="c_start"/>
          <bpmn:receiveTask id="reply" messageRef="m"/>
          <bpmn:endEvent id="c_end"/>
          <bpmn:sequenceFlow id="c1" sourceRef="c_start" targetRef="reply"/>
          <bpmn:sequenceFlow id="c2" sourceRef="reply" targetRef="c_end"/>
        </bpmn:subProcess>
        <bpmn:userTask id="decide" camunda:assignee="demo"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="clarify"/>
        <bpmn:sequenceFlow id="f2" sourceRef="clarify" targetRef="decide"/>
        <bpmn:sequenceFlow id="f3" sourceRef="decide" targetRef="end"/>
        """, root: $"""<bpmn:message id="m" name="{message}"/>""");

    [Fact]
    public async Task TokensInsideASubProcess_Move_AndAChangedMessageGetsANewSubscription()
    {
        await using var h = new EngineHarness();
        var v1 = (await h.DeployAsync(Model("BalasanPelapor"))).Deployed[0];
        var id = await h.StartAsync(businessKey: "LPR-5");
        var v2 = (await h.DeployAsync(Model("JawabanPelapor"))).Deployed[0];
        var plan = new MigrationPlan(v1.Id, v2.Id, await h.With(e => e.DefaultMigrationInstructionsAsync(v1.Id, v2.Id)));

        await h.With(e => e.MigrateAsync(plan, id, "koordinator"));

        Assert.Equal(["clarify", "reply"], await h.PositionsAsync(id));
        var subscription = await h.Query(db => db.Set<MessageSubscriptionRow>().SingleAsync(s => s.InstanceId == id));
        Assert.Equal("JawabanPelapor", subscription.MessageName);
        await Assert.ThrowsAsync<Errors.WorkflowException>(() => h.With(e => e.CorrelateAsync(new MessageCorrelation("BalasanPelapor", "LPR-5"), "pelapor")));
        await h.With(e => e.CorrelateAsync(new MessageCorrelation("JawabanPelapor", "LPR-5"), "pelapor"));
        Assert.Equal(["decide"], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task UnchangedSubscription_IsKept()
    {
        await using var h = new EngineHarness();
        var v1 = (await h.DeployAsync(Model("BalasanPelapor"))).Deployed[0];
        var id = await h.StartAsync();
        var before = await h.Query(db => db.Set<MessageSubscriptionRow>().SingleAsync(s => s.InstanceId == id));
        var v2 = (await h.DeployAsync(Model("BalasanPelapor").Replace("Test p", "Test p v2"))).Deployed[0];
        var plan = new MigrationPlan(v1.Id, v2.Id, await h.With(e => e.DefaultMigrationInstructionsAsync(v1.Id, v2.Id)));

        await h.With(e => e.MigrateAsync(plan, id, "koordinator"));

        var after = await h.Query(db => db.Set<MessageSubscriptionRow>().SingleAsync(s => s.InstanceId == id));
        Assert.Equal(before.Id, after.Id);
        Assert.Equal(v2.Id, (await h.InstanceAsync(id)).DefinitionId);
    }
}
