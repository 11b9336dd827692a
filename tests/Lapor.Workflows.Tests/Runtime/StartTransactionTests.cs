using Lapor.Workflows.Listeners;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.ServiceTasks;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Runtime;

/// <summary>
/// A start creates an instance nobody else can touch yet, so it works the instance out (interpreter, decisions,
/// listeners, history) before it begins its transaction, and on SQLite only its save waits for the file's write turn.
/// Service task handlers still run inside the transaction, and other commands still begin theirs first.
/// </summary>
public sealed class StartTransactionTests
{
    /// <summary>What a listener or handler saw: the command's kind (start or not) and whether a transaction was open.</summary>
    private sealed class Seen
    {
        public List<(string Where, bool InTransaction)> Calls { get; } = [];
        public TaskCompletionSource StartWorkedOut { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
    }

    private sealed class Probe(WorkflowDb db, Seen seen) : IInstanceListener
    {
        public Task OnChangedAsync(InstanceChange change, CancellationToken ct)
        {
            lock (seen)
                seen.Calls.Add(("listener:" + string.Join(",", change.Completed.Select(n => n.Id)), db.Database.CurrentTransaction is not null));
            seen.StartWorkedOut.TrySetResult();
            return Task.CompletedTask;
        }
    }

    private sealed class ProbeHandler(WorkflowDb db, Seen seen) : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken ct)
        {
            lock (seen)
                seen.Calls.Add(("handler:" + context.ActivityId, db.Database.CurrentTransaction is not null));
            return Task.FromResult<IReadOnlyDictionary<string, object?>?>(null);
        }
    }

    private static EngineHarness Harness(Seen seen) =>
        new(s => s.AddSingleton(seen).AddScoped<IInstanceListener, Probe>().AddServiceTask<ProbeHandler>("probe"));

    [Fact]
    public async Task Start_IsWorkedOutWhileAnotherWriterHoldsTheFile_AndOnlyItsSaveWaits()
    {
        var seen = new Seen();
        await using var h = Harness(seen);
        await h.DeployAsync(Bpmn.Sequence("verify"));

        await using var scope = h.Services.CreateAsyncScope();
        var other = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        var holding = await other.Database.BeginTransactionAsync();
        var start = h.StartAsync(businessKey: "LPR-1");

        // The listener runs at the end of working the instance out; before this change it ran only after the other
        // writer had committed, because the start took the write turn first.
        await seen.StartWorkedOut.Task.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal([("listener:start", false)], seen.Calls);
        Assert.False(start.IsCompleted); // its save waits for the turn

        await holding.CommitAsync();
        var id = await start.WaitAsync(TimeSpan.FromSeconds(20));
        Assert.Equal(["verify"], await h.PositionsAsync(id));
        Assert.Equal("LPR-1", (await h.InstanceAsync(id)).BusinessKey);
    }

    [Fact]
    public async Task HandlerInAStart_RunsInsideTheTransaction_AndOtherCommandsBeginFirst()
    {
        var seen = new Seen();
        await using var h = Harness(seen);
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:serviceTask id="register" camunda:delegateExpression="${probe}"/>
            <bpmn:userTask id="verify" camunda:candidateGroups="inspektorat"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="register"/>
            <bpmn:sequenceFlow id="f2" sourceRef="register" targetRef="verify"/>
            <bpmn:sequenceFlow id="f3" sourceRef="verify" targetRef="end"/>
            """));

        var id = await h.StartAsync();
        await h.CompleteAsync(id, "verify");

        Assert.Equal(
            [("handler:register", true), ("listener:start,register", true), ("listener:verify,end", true)],
            seen.Calls);
    }

    /// <summary>Makes a start with business key "break" fail at its save: it adds a copy of an instance already stored.</summary>
    private sealed class Saboteur(WorkflowDb db) : IInstanceListener
    {
        public async Task OnChangedAsync(InstanceChange change, CancellationToken ct)
        {
            if (change.BusinessKey == "break")
                db.Add(await db.Set<ProcessInstanceRow>().AsNoTracking().FirstAsync(i => i.BusinessKey != "break", ct));
        }
    }

    [Fact]
    public async Task StartThatFailsToSave_LeavesNothing_AndTheNextStartWorks()
    {
        await using var h = new EngineHarness(s => s.AddScoped<IInstanceListener, Saboteur>());
        await h.DeployAsync(Bpmn.Sequence("verify"));
        await h.StartAsync(businessKey: "LPR-1");

        await Assert.ThrowsAnyAsync<Exception>(() => h.StartAsync(businessKey: "break"));

        Assert.Equal(["LPR-1"], await h.Query(db => db.Set<ProcessInstanceRow>().Select(i => i.BusinessKey).ToListAsync()));
        Assert.Equal(1, await h.Query(db => db.Set<ExecutionRow>().CountAsync()));
        var next = await h.StartAsync(businessKey: "LPR-2");
        Assert.Equal(["verify"], await h.PositionsAsync(next));
    }
}
