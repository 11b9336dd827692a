using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Scheduling;

/// <summary>
/// The scheduler hears of a job only once the transaction holding the job's row has committed: the engine's own, or
/// the caller's when the engine joined it (as report intake does), and never when that transaction rolls back.
/// </summary>
public sealed class JobsScheduledAfterCommitTests
{
    internal static readonly string QuietHour = Bpmn.Process("""
        <bpmn:startEvent id="start"/>
        <bpmn:intermediateCatchEvent id="quiet"><bpmn:timerEventDefinition><bpmn:timeDuration>PT1H</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:intermediateCatchEvent>
        <bpmn:endEvent id="end"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="quiet"/>
        <bpmn:sequenceFlow id="f2" sourceRef="quiet" targetRef="end"/>
        """);

    [Fact]
    public async Task ATimerCreatedInACallersTransaction_IsScheduledOnlyOnceTheCallerCommits()
    {
        await using var h = await HarnessAsync();
        var recorder = h.Services.GetRequiredService<RecordingJobScheduler>();

        await using (var scope = h.Services.CreateAsyncScope())
        {
            var (db, engine) = Resolve(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await engine.StartAsync(new StartRequest("p"), "tester");
            Assert.Empty(recorder.Scheduled);
            await transaction.CommitAsync();
        }

        var job = await h.Query(db => db.Set<JobRow>().SingleAsync());
        var call = Assert.Single(recorder.Scheduled);
        Assert.Equal(job.Id, call.JobId);
        Assert.True(call.RowCommitted, "the trigger was set while its job row could not yet be read");
    }

    [Fact]
    public async Task ATimerCreatedInACallersTransactionThatRollsBack_IsNeverScheduled()
    {
        await using var h = await HarnessAsync();
        var recorder = h.Services.GetRequiredService<RecordingJobScheduler>();

        await using (var scope = h.Services.CreateAsyncScope())
        {
            var (db, engine) = Resolve(scope);
            await using var transaction = await db.Database.BeginTransactionAsync();
            await engine.StartAsync(new StartRequest("p"), "tester");
            await transaction.RollbackAsync();
        }

        Assert.Empty(recorder.Scheduled);
        Assert.False(await h.Query(db => db.Set<JobRow>().AnyAsync()));
    }

    [Fact]
    public async Task ACallersTransactionLeftWithoutCommit_SchedulesNothing_AndTheNextCommandSchedulesOnlyItsOwnTimer()
    {
        await using var h = await HarnessAsync();
        var recorder = h.Services.GetRequiredService<RecordingJobScheduler>();

        await using var scope = h.Services.CreateAsyncScope();
        var (db, engine) = Resolve(scope);
        // Disposing an uncommitted transaction rolls it back without EF raising a rollback event.
        await using (await db.Database.BeginTransactionAsync())
            await engine.StartAsync(new StartRequest("p"), "tester");
        Assert.Empty(recorder.Scheduled);

        var second = await engine.StartAsync(new StartRequest("p"), "tester");

        var job = await h.Query(db => db.Set<JobRow>().SingleAsync());
        Assert.Equal(second.Id, job.InstanceId);
        Assert.Equal(job.Id, Assert.Single(recorder.Scheduled).JobId);
    }

    [Fact]
    public async Task ATimerCreatedInTheEnginesOwnTransaction_IsScheduledOnceItsRowIsCommitted()
    {
        await using var h = await HarnessAsync();
        var recorder = h.Services.GetRequiredService<RecordingJobScheduler>();

        await h.StartAsync();

        var job = await h.Query(db => db.Set<JobRow>().SingleAsync());
        var call = Assert.Single(recorder.Scheduled);
        Assert.Equal(job.Id, call.JobId);
        Assert.Equal(h.Clock.GetUtcNow().AddHours(1), call.DueAt);
        Assert.True(call.RowCommitted, "the trigger was set while its job row could not yet be read");
    }

    private static async Task<EngineHarness> HarnessAsync()
    {
        var h = new EngineHarness(RecordingJobScheduler.Register);
        await h.DeployAsync(QuietHour);
        return h;
    }

    private static (WorkflowDb Db, WorkflowEngine Engine) Resolve(AsyncServiceScope scope) =>
        (scope.ServiceProvider.GetRequiredService<WorkflowDb>(), scope.ServiceProvider.GetRequiredService<WorkflowEngine>());
}
