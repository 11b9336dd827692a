using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Tests.Execution;

public sealed class TimerTests
{
    private static string TaskWithBoundary(string timer, bool interrupting) => Bpmn.Process($"""
        <bpmn:startEvent id="start"/>
        <bpmn:userTask id="respond" camunda:candidateGroups="dinkes"/>
        <bpmn:boundaryEvent id="deadline" attachedToRef="respond" cancelActivity="{(interrupting ? "true" : "false")}">
          <bpmn:timerEventDefinition>{timer}</bpmn:timerEventDefinition>
        </bpmn:boundaryEvent>
        <bpmn:userTask id="escalate" camunda:candidateGroups="inspektorat"/>
        <bpmn:endEvent id="end"/>
        <bpmn:endEvent id="escalated"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="respond"/>
        <bpmn:sequenceFlow id="f2" sourceRef="respond" targetRef="end"/>
        <bpmn:sequenceFlow id="f3" sourceRef="deadline" targetRef="escalate"/>
        <bpmn:sequenceFlow id="f4" sourceRef="escalate" targetRef="escalated"/>
        """);

    [Fact]
    public async Task IntermediateTimer_WaitsUntilDue()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:intermediateCatchEvent id="quiet"><bpmn:timerEventDefinition><bpmn:timeDuration>PT2H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="quiet"/>
            <bpmn:sequenceFlow id="f2" sourceRef="quiet" targetRef="end"/>
            """));
        var id = await h.StartAsync();
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromMinutes(119)));
        Assert.Equal(["quiet"], await h.PositionsAsync(id));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
    }

    [Fact]
    public async Task InterruptingBoundaryTimer_CancelsTheTaskAndEscalates()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(TaskWithBoundary("<bpmn:timeDuration>P5WD</bpmn:timeDuration>", interrupting: true));
        var id = await h.StartAsync();

        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromDays(6))); // Monday → Sunday: only 4 working days passed
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1)));
        Assert.Equal(["escalate"], await h.PositionsAsync(id));
        Assert.DoesNotContain(await h.TasksAsync(id), t => t.TaskDefinitionKey == "respond");
        var ended = await h.Query(async db => (await new Lapor.Workflows.History.HistoryEvents(db).OfChainAsync(id))
            .Where(r => r.InstanceId == id && r.ActivityId == "respond" && r.Kind == Lapor.Workflows.History.HistoryEventKind.ActivityEnded).Select(r => r.Value).Single());
        Assert.Equal("canceled", ended);
    }

    [Fact]
    public async Task NonInterruptingCycle_FiresTheGivenNumberOfTimes_AndTheTaskStays()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(TaskWithBoundary("<bpmn:timeCycle>R2/P1D</bpmn:timeCycle>", interrupting: false));
        var id = await h.StartAsync();

        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1)));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1)));
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromDays(1)));
        var tasks = await h.TasksAsync(id);
        Assert.Single(tasks, t => t.TaskDefinitionKey == "respond");
        Assert.Equal(2, tasks.Count(t => t.TaskDefinitionKey == "escalate"));
    }

    [Fact]
    public async Task TimerOfACompletedTask_IsIgnored()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(TaskWithBoundary("<bpmn:timeDuration>PT1H</bpmn:timeDuration>", interrupting: true));
        var id = await h.StartAsync();
        var jobId = await h.Query(db => db.Set<JobRow>().Where(j => j.InstanceId == id).Select(j => j.Id).SingleAsync());

        await h.CompleteAsync(id, "respond");
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
        Assert.Equal(0, await h.Query(db => db.Set<JobRow>().CountAsync()));
        // A trigger still in the scheduler for the deleted job changes nothing.
        Assert.Equal(JobOutcome.Missing, await h.With(e => e.FireJobAsync(jobId)));
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromHours(2)));
    }

    [Fact]
    public async Task TimerDateExpression_UsesProcessVariables()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:intermediateCatchEvent id="until"><bpmn:timerEventDefinition><bpmn:timeDate>${reopenAt}</bpmn:timeDate></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="until"/>
            <bpmn:sequenceFlow id="f2" sourceRef="until" targetRef="end"/>
            """));
        var id = await h.StartAsync(variables: new { reopenAt = "2026-03-04T00:00:00Z" });
        var due = await h.Query(db => db.Set<JobRow>().Where(j => j.InstanceId == id).Select(j => j.DueAt).SingleAsync());
        Assert.Equal(new DateTime(2026, 3, 4, 0, 0, 0, DateTimeKind.Utc), due);
    }
}
