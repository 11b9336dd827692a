using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Listeners;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Operations;

public sealed class CancelTests
{
    private sealed class Recorder(List<InstanceChange> changes) : IInstanceListener
    {
        public Task OnChangedAsync(InstanceChange change, CancellationToken ct)
        {
            changes.Add(change);
            return Task.CompletedTask;
        }
    }

    /// <summary>A sub-process with a user task (boundary deadline) beside a receive task: tasks, timers and subscriptions all wait.</summary>
    private static readonly string Busy = Bpmn.Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:parallelGateway id="fork"/>
        <bpmn:subProcess id="handling">
          <bpmn:startEvent id="s_start"/>
          <bpmn:userTask id="review" camunda:candidateGroups="dinkes"/>
          <bpmn:endEvent id="s_end"/>
          <bpmn:sequenceFlow id="s1" sourceRef="s_start" targetRef="review"/>
          <bpmn:sequenceFlow id="s2" sourceRef="review" targetRef="s_end"/>
        </bpmn:subProcess>
        <bpmn:boundaryEvent id="deadline" attachedToRef="handling"><bpmn:timerEventDefinition><bpmn:timeDuration>P5D</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
        <bpmn:receiveTask id="reply" messageRef="m"/>
        <bpmn:endEvent id="end"/>
        <bpmn:endEvent id="late"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="fork"/>
        <bpmn:sequenceFlow id="f2" sourceRef="fork" targetRef="handling"/>
        <bpmn:sequenceFlow id="f3" sourceRef="fork" targetRef="reply"/>
        <bpmn:sequenceFlow id="f4" sourceRef="handling" targetRef="end"/>
        <bpmn:sequenceFlow id="f5" sourceRef="reply" targetRef="end"/>
        <bpmn:sequenceFlow id="f6" sourceRef="deadline" targetRef="late"/>
        """, root: """<bpmn:message id="m" name="jawaban"/>""");

    [Fact]
    public async Task Cancel_EndsTheInstanceExternally_RemovesEveryWait_AndTheListenerHearsIt()
    {
        var changes = new List<InstanceChange>();
        await using var h = new EngineHarness(s => s.AddSingleton(changes).AddScoped<IInstanceListener, Recorder>());
        await h.DeployAsync(Busy);
        var id = await h.StartAsync(businessKey: "LPR-7");
        Assert.Equal(["handling", "reply", "review"], await h.PositionsAsync(id));

        await h.With(e => e.CancelAsync(id, "Laporan ganda", "koordinator"));

        var instance = await h.InstanceAsync(id);
        Assert.Equal(InstanceStatus.ExternallyTerminated, instance.Status);
        Assert.NotNull(instance.EndedAt);
        Assert.Empty(await h.PositionsAsync(id));
        Assert.Empty(await h.TasksAsync(id));
        Assert.False(await h.Query(db => db.Set<JobRow>().AnyAsync(j => j.InstanceId == id)));
        Assert.False(await h.Query(db => db.Set<MessageSubscriptionRow>().AnyAsync(s => s.InstanceId == id)));

        var history = await h.Query(async db => (await new HistoryEvents(db).OfChainAsync(id)).Where(r => r.InstanceId == id).ToList());
        var cancelled = history.Where(r => r.Kind == HistoryEventKind.ActivityEnded && r.Value == "canceled").Select(r => r.ActivityId).Order();
        Assert.Equal(["handling", "reply", "review"], cancelled);
        Assert.Contains(history, r => r.Kind == HistoryEventKind.TaskDeleted && r.Value!.Contains("Laporan ganda"));
        Assert.Contains(history, r => r.Kind == HistoryEventKind.UserOperation && r.Name == WorkflowEngine.CancelOperation && r.Detail!.Contains("Laporan ganda") && r.Actor == "koordinator");
        Assert.Equal(HistoryEventKind.InstanceEnded, history[^1].Kind);

        var last = changes[^1];
        Assert.Equal(InstanceStatus.ExternallyTerminated, last.Status);
        Assert.Empty(last.WaitingAt);
        Assert.Equal("LPR-7", last.BusinessKey);
        Assert.True(await h.Query(db => new HistoryVerifier(db).VerifyAsync(id)) is { Intact: true });
    }

    [Fact]
    public async Task Cancel_WithoutReason_IsRefusedAndChangesNothing()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        var id = await h.StartAsync();

        await Assert.ThrowsAsync<WorkflowException>(() => h.With(e => e.CancelAsync(id, "", "koordinator")));

        Assert.Equal(InstanceStatus.Active, (await h.InstanceAsync(id)).Status);
        Assert.Single(await h.TasksAsync(id));
    }

    [Fact]
    public async Task Cancel_WorksOnASuspendedInstance_ButNotOnAnEndedOne()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        var id = await h.StartAsync();
        await h.With(e => e.SuspendAsync(id, "Ditahan", "koordinator"));

        await h.With(e => e.CancelAsync(id, "Dicabut pelapor", "koordinator"));
        Assert.Equal(InstanceStatus.ExternallyTerminated, (await h.InstanceAsync(id)).Status);

        await Assert.ThrowsAsync<WorkflowConflictException>(() => h.With(e => e.CancelAsync(id, "lagi", "koordinator")));
    }
}
