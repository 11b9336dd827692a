using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Listeners;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Scheduling;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Postgres;

/// <summary>The engine on PostgreSQL, the provider for scale-out: the same commands, concurrency and history checks.</summary>
public sealed class PostgresEngineTests(PostgresServer server) : IClassFixture<PostgresServer>
{
    private async Task<EngineHarness> HarnessAsync() => new(postgresConnection: await server.NewDatabaseAsync());

    [Fact]
    public async Task SequenceOfTasks_RunsToTheEnd_WithAnIntactHistoryChain()
    {
        await using var h = await HarnessAsync();
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync(variables: new { title = "Jalan berlubang", urgent = true, count = 3 });
        await h.CompleteAsync(id, "a", new { decision = "verify" });
        await h.CompleteAsync(id, "b");

        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
        Assert.Equal(["start", "a", "b", "end"], await h.CompletedActivitiesAsync(id));
        var variables = await h.LastVariablesAsync(id);
        Assert.Equal((true, 3L), ((bool)variables["urgent"]!, (long)variables["count"]!));
        var chain = await h.Query(db => new HistoryVerifier(db).VerifyAsync(id));
        Assert.True(chain.Intact, chain.Problem);

        await HistoryTampering.EditEventAsync(h, id, 3, e => e.Actor = "x");
        // The finished case is one record, from event 1 (decision 031).
        var broken = await h.Query(db => new HistoryVerifier(db).VerifyAsync(id));
        Assert.Equal(1, broken.BrokenAtSeq);
        Assert.Contains("was changed after it was written", broken.Problem);
    }

    [Fact]
    public async Task ParallelCompletions_OneWins_OthersConflict()
    {
        await using var h = await HarnessAsync();
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync();
        var task = await h.SingleTaskAsync(id, "a");

        var outcomes = await Task.WhenAll(Enumerable.Range(0, 4).Select(i => Task.Run(async () =>
        {
            try
            {
                await h.With(e => e.CompleteTaskAsync(task.Id, null, $"officer{i}"));
                return "ok";
            }
            catch (WorkflowConflictException)
            {
                return "conflict";
            }
        })));

        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.Equal(3, outcomes.Count(o => o == "conflict"));
        Assert.Equal(["b"], await h.PositionsAsync(id));
        Assert.Equal(1, await h.Query(async db => (await new HistoryEvents(db).OfChainAsync(id)).Count(r => r.TaskId == task.Id && r.Kind == HistoryEventKind.TaskCompleted)));
    }

    [Fact]
    public async Task TwoBranchesCompletedAtOnce_OneConflicts_SoTheJoinIsNotLost()
    {
        // Both commands read the instance before either writes (the listener holds each until both got there). Each
        // sees one branch arrive at the join; without the chain head's revision check both would commit and the join
        // would wait forever. The check must refuse the second.
        var listener = new MeetingListener();
        await using var h = new EngineHarness(services => services.AddSingleton<IInstanceListener>(listener),
            postgresConnection: await server.NewDatabaseAsync());
        await h.DeployAsync(Bpmn.ForkJoin());
        var id = await h.StartAsync();
        var tasks = new[] { await h.SingleTaskAsync(id, "dinkes"), await h.SingleTaskAsync(id, "dishub") };

        listener.Arm();
        var outcomes = await Task.WhenAll(tasks.Select(task => Task.Run(async () =>
        {
            try
            {
                await h.With(e => e.CompleteTaskAsync(task.Id, null, "officer"));
                return "ok";
            }
            catch (WorkflowConflictException)
            {
                return "conflict";
            }
        })));
        listener.Disarm();

        Assert.True(listener.Met, "the two commands never read the instance at the same time, so the test proved nothing");
        Assert.Equal(["conflict", "ok"], outcomes.Order());
        var open = Assert.Single(await h.TasksAsync(id));
        Assert.Contains(open.TaskDefinitionKey, new[] { "dinkes", "dishub" });
        await h.CompleteAsync(id, open.TaskDefinitionKey);
        Assert.Equal(["summary"], await h.PositionsAsync(id));
    }

    /// <summary>Holds each command, inside its transaction, until a second one has got as far.</summary>
    private sealed class MeetingListener : IInstanceListener
    {
        private Barrier? _barrier;

        public bool Met { get; private set; }

        public void Arm() => _barrier = new Barrier(2);

        public void Disarm() => _barrier = null;

        public Task OnChangedAsync(InstanceChange change, CancellationToken ct)
        {
            if (_barrier is { } barrier && barrier.SignalAndWait(TimeSpan.FromSeconds(10), ct))
                Met = true;
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task BoundaryTimer_FiresOnPostgres()
    {
        await using var h = await HarnessAsync();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:userTask id="respond" camunda:candidateGroups="dinkes" camunda:dueDate="P5WD"/>
            <bpmn:boundaryEvent id="late" attachedToRef="respond"><bpmn:timerEventDefinition><bpmn:timeDuration>P5WD</bpmn:timeDuration></bpmn:timerEventDefinition></bpmn:boundaryEvent>
            <bpmn:userTask id="escalate" camunda:candidateGroups="inspektorat"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="respond"/>
            <bpmn:sequenceFlow id="f2" sourceRef="late" targetRef="escalate"/>
            """));
        var id = await h.StartAsync();
        Assert.Equal(0, await h.AdvanceAsync(TimeSpan.FromDays(6)));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.FromDays(1)));
        Assert.Equal(["escalate"], await h.PositionsAsync(id));
        Assert.Equal(0, await h.Query(db => db.Set<JobRow>().CountAsync()));
    }

    [Fact]
    public async Task ACallersTransactionLeftUncommitted_SchedulesNothing_AndTheNextOneSchedulesOnlyItsOwnTimer()
    {
        await using var h = new EngineHarness(RecordingJobScheduler.Register, postgresConnection: await server.NewDatabaseAsync());
        await h.DeployAsync(JobsScheduledAfterCommitTests.QuietHour);
        var recorder = h.Services.GetRequiredService<RecordingJobScheduler>();
        await using var scope = h.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();

        // Npgsql hands the same transaction object to the next transaction on the connection: work queued in the
        // abandoned one must not ride along with the next commit.
        await using (await db.Database.BeginTransactionAsync())
            await engine.StartAsync(new StartRequest("p"), "tester");
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await engine.StartAsync(new StartRequest("p"), "tester");
            Assert.Empty(recorder.Scheduled);
            await transaction.CommitAsync();
        }

        var job = await h.Query(q => q.Set<JobRow>().SingleAsync());
        var call = Assert.Single(recorder.Scheduled);
        Assert.Equal(job.Id, call.JobId);
        Assert.True(call.RowCommitted);
    }
}
