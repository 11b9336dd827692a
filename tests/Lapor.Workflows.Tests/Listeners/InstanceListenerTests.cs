using Lapor.Workflows.Execution;
using Lapor.Workflows.Listeners;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Listeners;

public sealed class InstanceListenerTests
{
    private sealed class Recorder(List<InstanceChange> changes) : IInstanceListener
    {
        public Task OnChangedAsync(InstanceChange change, CancellationToken ct)
        {
            if (change.Variables.TryGetValue("failListener", out var fail) && fail is true)
                throw new InvalidOperationException("listener refused");
            changes.Add(change);
            return Task.CompletedTask;
        }
    }

    private static EngineHarness Harness(List<InstanceChange> changes) =>
        new(s => s.AddSingleton(changes).AddScoped<IInstanceListener, Recorder>());

    [Fact]
    public async Task Listener_HearsWhereTheInstanceWaitsAndWhatCompleted()
    {
        var changes = new List<InstanceChange>();
        await using var h = Harness(changes);
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync(businessKey: "LPR-1");
        await h.CompleteAsync(id, "a", actor: "ani");
        await h.CompleteAsync(id, "b");

        Assert.Equal(3, changes.Count);
        Assert.Equal(["a"], changes[0].WaitingAt.Select(n => n.Id));
        Assert.Equal("LPR-1", changes[0].BusinessKey);
        Assert.Equal(["a"], changes[1].Completed.Select(n => n.Id));
        Assert.Equal("ani", changes[1].Actor);
        Assert.Equal(InstanceStatus.Completed, changes[2].Status);
        Assert.Equal(["b", "end"], changes[2].Completed.Select(n => n.Id));
    }

    [Fact]
    public async Task Listener_HearsWhichNodesTheCommandEntered()
    {
        var changes = new List<InstanceChange>();
        await using var h = Harness(changes);
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync();
        await h.CompleteAsync(id, "a");

        Assert.Equal(["start", "a"], changes[0].Entered.Select(n => n.Id));
        Assert.Equal(["b"], changes[1].Entered.Select(n => n.Id));
        Assert.Equal(["b"], changes[1].WaitingAt.Select(n => n.Id));
    }

    [Fact]
    public async Task FailingListener_RollsTheCommandBack()
    {
        var changes = new List<InstanceChange>();
        await using var h = Harness(changes);
        await h.DeployAsync(Bpmn.Sequence("a"));
        var id = await h.StartAsync();
        await Assert.ThrowsAsync<InvalidOperationException>(() => h.CompleteAsync(id, "a", new { failListener = true }));
        Assert.Equal(["a"], await h.PositionsAsync(id));
        Assert.Equal(InstanceStatus.Active, (await h.InstanceAsync(id)).Status);
        Assert.Equal(0, await h.Query(db => db.Set<VariableRow>().CountAsync(v => v.Name == "failListener")));
    }
}
