using Lapor.Workflows.Errors;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Tests.Operations;

public sealed class SuspendResumeTests
{
    private static readonly string TimerThenTask = Bpmn.Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:intermediateCatchEvent id="wait"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:userTask id="after" camunda:assignee="demo"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="wait"/>
        <bpmn:sequenceFlow id="f2" sourceRef="wait" targetRef="after"/>
        <bpmn:sequenceFlow id="f3" sourceRef="after" targetRef="end"/>
        """);

    private static readonly string WaitsForReply = Bpmn.Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:receiveTask id="reply" messageRef="m"/>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="reply"/>
        <bpmn:sequenceFlow id="f2" sourceRef="reply" targetRef="end"/>
        """, root: """<bpmn:message id="m" name="jawaban"/>""");

    [Fact]
    public async Task SuspendedInstance_RefusesCompletingAndClaimingItsTask_UntilResumed()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        var id = await h.StartAsync();
        var task = await h.SingleTaskAsync(id, "a");

        await h.With(e => e.SuspendAsync(id, "Menunggu klarifikasi OPD", "koordinator"));

        var complete = await Assert.ThrowsAsync<WorkflowConflictException>(() => h.With(e => e.CompleteTaskAsync(task.Id, null, "demo")));
        Assert.Contains("suspended", complete.Message);
        Assert.Equal(WorkflowEngine.SuspendedType, complete.Type);
        await Assert.ThrowsAsync<WorkflowConflictException>(() => h.With(e => e.ClaimAsync(task.Id, "budi", "budi")));
        Assert.Equal(["a"], await h.PositionsAsync(id));
        Assert.True((await h.InstanceAsync(id)).Suspended);

        await h.With(e => e.ResumeAsync(id, null, "koordinator"));
        await h.CompleteAsync(id, "a");
        Assert.Equal(Lapor.Workflows.Execution.InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task SuspendedInstance_RefusesMessages_AndTakesThemAfterResume()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(WaitsForReply);
        var id = await h.StartAsync(businessKey: "LPR-9");
        await h.With(e => e.SuspendAsync(id, "Diperiksa inspektorat", "koordinator"));

        var refused = await Assert.ThrowsAsync<WorkflowConflictException>(() =>
            h.With(e => e.CorrelateAsync(new MessageCorrelation("jawaban", "LPR-9"), "pelapor")));
        Assert.Contains("suspended", refused.Message);
        Assert.Equal(["reply"], await h.PositionsAsync(id));

        await h.With(e => e.ResumeAsync(id, "Selesai diperiksa", "koordinator"));
        await h.With(e => e.CorrelateAsync(new MessageCorrelation("jawaban", "LPR-9"), "pelapor"));
        Assert.Equal(Lapor.Workflows.Execution.InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task DueTimer_WaitsWhileSuspended_AndFiresAfterResume()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(TimerThenTask);
        var id = await h.StartAsync();
        await h.With(e => e.SuspendAsync(id, "Libur panjang", "koordinator"));

        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromHours(2)));
        var job = await h.Query(db => db.Set<JobRow>().SingleAsync(j => j.InstanceId == id));
        Assert.Equal(JobOutcome.Suspended, await h.With(e => e.FireJobAsync(job.Id)));
        Assert.Equal(["wait"], await h.PositionsAsync(id));

        await h.With(e => e.ResumeAsync(id, null, "koordinator"));
        Assert.Equal(1, await h.With(e => e.RunDueJobsAsync()));
        Assert.Equal(["after"], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task Suspend_NeedsAReason_AndLogsItWithTheActor()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        var id = await h.StartAsync();

        await Assert.ThrowsAsync<WorkflowException>(() => h.With(e => e.SuspendAsync(id, "  ", "koordinator")));
        Assert.False((await h.InstanceAsync(id)).Suspended);

        await h.With(e => e.SuspendAsync(id, "Menunggu data", "koordinator"));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => h.With(e => e.SuspendAsync(id, "lagi", "koordinator")));
        await h.With(e => e.ResumeAsync(id, "Data lengkap", "koordinator"));
        await Assert.ThrowsAsync<WorkflowConflictException>(() => h.With(e => e.ResumeAsync(id, null, "koordinator")));

        var log = await h.Query(async db => (await new HistoryEvents(db).OfChainAsync(id))
            .Where(r => r.InstanceId == id && r.Kind == HistoryEventKind.UserOperation).ToList());
        Assert.Equal([WorkflowEngine.SuspendOperation, WorkflowEngine.ActivateOperation], log.Select(r => r.Name));
        Assert.All(log, r => Assert.Equal("koordinator", r.Actor));
        Assert.Contains("Menunggu data", log[0].Detail);
        Assert.Contains("Data lengkap", log[1].Detail);
    }
}
