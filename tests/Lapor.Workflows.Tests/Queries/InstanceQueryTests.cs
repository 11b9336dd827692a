using Lapor.Workflows.Execution;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Queries;

/// <summary>The published instance reads on a real SQLite engine: one instance, its variables, and the operator's running list.</summary>
public sealed class InstanceQueryTests
{
    private static async Task<T> ReadAsync<T>(EngineHarness h, Func<InstanceQuery, Task<T>> read)
    {
        await using var scope = h.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<InstanceQuery>());
    }

    [Fact]
    public async Task RunningInstances_AreCountedPerVersionAndStep_AndPagedNewestFirst()
    {
        await using var h = new EngineHarness();
        var v1 = (await h.DeployAsync(Bpmn.Sequence("a", "b"))).Processes[0].DefinitionId;
        var ids = new List<string>();
        foreach (var code in new[] { "LPR-1", "LPR-2", "LPR-3" })
        {
            h.Clock.Advance(TimeSpan.FromMinutes(1));
            ids.Add(await h.StartAsync(businessKey: code, variables: new { code }));
        }
        var v2 = (await h.DeployAsync(Bpmn.Sequence("a", "b", "c"))).Processes[0].DefinitionId;
        h.Clock.Advance(TimeSpan.FromMinutes(1));
        ids.Add(await h.StartAsync(businessKey: "LPR-4"));
        await h.CompleteAsync(ids[0], "a");
        await h.With(e => e.SuspendAsync(ids[1], "menunggu data", "koordinator"));
        await h.CompleteAsync(ids[2], "a");
        await h.CompleteAsync(ids[2], "b");

        var load = await ReadAsync(h, q => q.LoadPerVersionAsync("p"));
        Assert.Equal([new VersionLoad(v1, 2, 1), new VersionLoad(v2, 1, 0)], load.OrderBy(l => l.DefinitionId == v2));
        var waits = await ReadAsync(h, q => q.WaitCountsAsync("p"));
        Assert.Equal([new WaitCount(v1, "a", 1), new WaitCount(v1, "b", 1), new WaitCount(v2, "a", 1)],
            waits.OrderBy(w => w.DefinitionId == v2).ThenBy(w => w.ActivityId));
        Assert.Equal([new WaitCount(v2, "a", 1)], await ReadAsync(h, q => q.WaitCountsAsync("p", v2)));

        var all = new RunningFilter { ProcessKey = "p" };
        Assert.Equal(3, await ReadAsync(h, q => q.CountRunningAsync(all)));
        Assert.Equal(2, await ReadAsync(h, q => q.CountRunningAsync(all with { ActivityId = "a" })));
        Assert.Equal(1, await ReadAsync(h, q => q.CountRunningAsync(all with { DefinitionId = v1, ActivityId = "a" })));
        var first = await ReadAsync(h, q => q.RunningPageAsync(all, 0, 2));
        var second = await ReadAsync(h, q => q.RunningPageAsync(all, 2, 2));
        Assert.Equal(["LPR-4", "LPR-2", "LPR-1"], first.Concat(second).Select(i => i.BusinessKey));
        Assert.Equal(["b"], first.Concat(second).Single(i => i.BusinessKey == "LPR-1").ActivityIds);
        Assert.True(first.Single(i => i.BusinessKey == "LPR-2").Suspended);
        Assert.All(first.Concat(second), i => Assert.Empty(i.Incidents));
    }

    [Fact]
    public async Task OneInstance_ItsBusinessKey_AndItsStoredVariables()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        var id = await h.StartAsync(businessKey: "LPR-9", variables: new { title = "Jalan rusak", count = 3 });

        var instance = await ReadAsync(h, q => q.FindAsync(id));
        Assert.NotNull(instance);
        Assert.Equal(("p", "LPR-9", InstanceStatus.Active, false), (instance.DefinitionKey, instance.BusinessKey, instance.Status, instance.Suspended));
        Assert.Null(await ReadAsync(h, q => q.FindAsync("no-such-instance")));
        var keys = await ReadAsync(h, q => q.BusinessKeysAsync([id, "no-such-instance"]));
        Assert.Equal("LPR-9", Assert.Single(keys, k => k.Key == id).Value);
        var variables = await ReadAsync(h, q => q.StoredVariablesAsync(id));
        Assert.Equal(["count", "title"], variables.Keys.Order());
        Assert.Contains("Jalan rusak", variables["title"]);
        Assert.Equal(0, await ReadAsync(h, q => Task.FromResult(q.IncidentCount())));
    }
}
