using Lapor.Workflows.Errors;
using Lapor.Workflows.History;
using Lapor.Workflows.Migration;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Tests.Migration;

public sealed class MigrationExecuteTests
{
    private const string V1 = """
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="review" name="Periksa" camunda:candidateGroups="dinkes" camunda:priority="50"/>
        <bpmn:boundaryEvent id="deadline" attachedToRef="review"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:endEvent id="end"/>
        <bpmn:endEvent id="late"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="review"/>
        <bpmn:sequenceFlow id="f2" sourceRef="review" targetRef="end"/>
        <bpmn:sequenceFlow id="f3" sourceRef="deadline" targetRef="late"/>
        """;

    /// <summary>The task is now 'periksa' for the inspectorate, with a follow-up step and a deadline of <paramref name="deadline"/>.</summary>
    private static string V2(string deadline) => $"""
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="periksa" name="Periksa ulang" camunda:candidateGroups="inspektorat" camunda:priority="80"/>
        <bpmn:boundaryEvent id="deadline" attachedToRef="periksa"><bpmn:timerEventDefinition><bpmn:timeDuration>{deadline}</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:userTask id="followUp" camunda:assignee="demo"/>
        <bpmn:endEvent id="end"/>
        <bpmn:endEvent id="late"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="periksa"/>
        <bpmn:sequenceFlow id="f2" sourceRef="periksa" targetRef="followUp"/>
        <bpmn:sequenceFlow id="f3" sourceRef="followUp" targetRef="end"/>
        <bpmn:sequenceFlow id="f4" sourceRef="deadline" targetRef="late"/>
        """;

    private static async Task<(string Instance, MigrationPlan Plan)> StartOnV1ThenPublishV2Async(EngineHarness h, string deadline)
    {
        var v1 = (await h.DeployAsync(Bpmn.Process(V1))).Deployed[0];
        var id = await h.StartAsync(businessKey: "LPR-1");
        var task = await h.SingleTaskAsync(id, "review");
        await h.With(e => e.ClaimAsync(task.Id, "budi", "budi"));
        h.Clock.Advance(TimeSpan.FromMinutes(30));
        var v2 = (await h.DeployAsync(Bpmn.Process(V2(deadline)))).Deployed[0];
        return (id, new MigrationPlan(v1.Id, v2.Id, [new MigrationInstruction("review", "periksa")]));
    }

    [Fact]
    public async Task WaitingUserTask_MovesToTheMappedTask_KeepingItsIdAndAssignee_WithTheNewVersionsCandidates()
    {
        await using var h = new EngineHarness();
        var (id, plan) = await StartOnV1ThenPublishV2Async(h, "PT2H");
        var before = await h.SingleTaskAsync(id, "review");
        await h.With(e => e.SetDueDateAsync(before.Id, h.Clock.GetUtcNow().AddDays(3), "Tenggat dari koordinator", "koordinator"));

        await h.With(e => e.MigrateAsync(plan, id, "koordinator"));

        Assert.Equal(plan.TargetDefinitionId, (await h.InstanceAsync(id)).DefinitionId);
        Assert.Equal(["periksa"], await h.PositionsAsync(id));
        var after = await h.SingleTaskAsync(id, "periksa");
        Assert.Equal(before.Id, after.Id);
        Assert.Equal("budi", after.Assignee);
        Assert.Equal(before.CreatedAt, after.CreatedAt);
        Assert.Equal("Periksa ulang", after.Name);
        Assert.Equal(80, after.Priority);
        Assert.Equal(plan.TargetDefinitionId, after.DefinitionId);
        Assert.Equal(["inspektorat"], after.Candidates.Select(c => c.Value));
        // The new candidates carry the kept task's dates, which the group's inbox orders by (decision 038).
        Assert.NotNull(after.Due);
        Assert.All(after.Candidates, c => Assert.Equal((after.Due, after.CreatedAt), (c.Due, c.CreatedAt)));

        // The instance now follows the new version: completing the task reaches the new follow-up step.
        await h.CompleteAsync(id, "periksa", actor: "budi");
        Assert.Equal(["followUp"], await h.PositionsAsync(id));

        var log = await h.Query(async db => (await new HistoryEvents(db).OfChainAsync(id))
            .Single(r => r.InstanceId == id && r.Kind == HistoryEventKind.UserOperation && r.Name == WorkflowEngine.MigrateOperation));
        Assert.Equal("koordinator", log.Actor);
        Assert.Contains("\"from\":\"review\"", log.Detail);
        Assert.True(await h.Query(db => new HistoryVerifier(db).VerifyAsync(id)) is { Intact: true });
    }

    [Fact]
    public async Task TimerOfAChangedBoundaryEvent_IsRecreatedFromTheTargetAsOfWhenTheTaskStarted()
    {
        await using var h = new EngineHarness();
        var started = h.Clock.GetUtcNow();
        var (id, plan) = await StartOnV1ThenPublishV2Async(h, "PT4H");
        var oldJob = await h.Query(db => db.Set<JobRow>().SingleAsync(j => j.InstanceId == id));

        await h.With(e => e.MigrateAsync(plan, id, "koordinator"));

        var job = await h.Query(db => db.Set<JobRow>().SingleAsync(j => j.InstanceId == id));
        Assert.NotEqual(oldJob.Id, job.Id);
        Assert.Equal("deadline", job.ActivityId);
        Assert.Equal(plan.TargetDefinitionId, job.DefinitionId);
        Assert.Equal(started.AddHours(4).UtcDateTime, job.DueAt);

        // The old two-hour deadline no longer fires; the new four-hour one does.
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromHours(2)));
        Assert.Equal(["periksa"], await h.PositionsAsync(id));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromHours(2)));
        Assert.Equal(Lapor.Workflows.Execution.InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task TimerOfAnUnchangedBoundaryEvent_KeepsItsJobAndDueTime()
    {
        await using var h = new EngineHarness();
        var (id, plan) = await StartOnV1ThenPublishV2Async(h, "PT2H");
        var oldJob = await h.Query(db => db.Set<JobRow>().SingleAsync(j => j.InstanceId == id));

        await h.With(e => e.MigrateAsync(plan, id, "koordinator"));

        var job = await h.Query(db => db.Set<JobRow>().SingleAsync(j => j.InstanceId == id));
        Assert.Equal(oldJob.Id, job.Id);
        Assert.Equal(oldJob.DueAt, job.DueAt);
        Assert.Equal(plan.TargetDefinitionId, job.DefinitionId);
    }

    [Fact]
    public async Task InstanceThatCannotMove_IsRefusedWithTheReason_AndNothingChanges()
    {
        await using var h = new EngineHarness();
        var (id, plan) = await StartOnV1ThenPublishV2Async(h, "PT2H");
        var unmapped = plan with { Instructions = [] };

        var refused = await Assert.ThrowsAsync<MigrationRefusedException>(() => h.With(e => e.MigrateAsync(unmapped, id, "koordinator")));

        Assert.Contains("active in activity 'review' which has no mapping", refused.Message);
        Assert.Equal("MigratingProcessInstanceValidationException", refused.Type);
        Assert.Equal("NoMapping", Assert.Single(refused.Reasons).Code);
        Assert.Equal(plan.SourceDefinitionId, (await h.InstanceAsync(id)).DefinitionId);
        Assert.Equal(["review"], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task DryRun_ListsEveryRunningInstanceOfTheSource_AndChangesNothing()
    {
        await using var h = new EngineHarness();
        var (id, plan) = await StartOnV1ThenPublishV2Async(h, "PT2H");
        var suspended = await h.StartAsync(key: "p", businessKey: "LPR-2");
        // StartAsync runs the latest version; start one more on v1 explicitly.
        var onV1 = await h.With(e => e.StartAsync(new StartRequest("p", "LPR-3", null) { DefinitionId = plan.SourceDefinitionId }, "tester"));
        await h.With(e => e.SuspendAsync(onV1.Id, "Ditahan", "koordinator"));

        var report = await h.With(e => e.DryRunMigrationAsync(plan));

        Assert.Empty(report.PlanProblems);
        Assert.Equal([id, onV1.Id], report.Instances.Select(i => i.InstanceId));
        Assert.True(report.Instances[0].CanMove);
        Assert.Equal(["instance is suspended"], report.Instances[1].Problems);
        Assert.Equal(plan.SourceDefinitionId, (await h.InstanceAsync(id)).DefinitionId);
        Assert.NotEqual(suspended, id);
    }
}
