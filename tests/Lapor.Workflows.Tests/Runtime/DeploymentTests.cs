using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Runtime;

public sealed class DeploymentTests
{
    [Fact]
    public async Task DeployingAgain_CreatesTheNextVersion_AndRunningInstancesStayOnTheirs()
    {
        await using var h = new EngineHarness();
        var v1 = Assert.Single((await h.DeployAsync(Bpmn.Sequence("a"))).Deployed);
        var old = await h.StartAsync();
        var v2 = Assert.Single((await h.DeployAsync(Bpmn.Sequence("x", "y"))).Deployed);
        var fresh = await h.StartAsync();

        Assert.Equal((1, 2), (v1.Version, v2.Version));
        Assert.Equal(v1.Id, (await h.InstanceAsync(old)).DefinitionId);
        Assert.Equal(v2.Id, (await h.InstanceAsync(fresh)).DefinitionId);
        Assert.Equal(["a"], await h.PositionsAsync(old));
        Assert.Equal(["x"], await h.PositionsAsync(fresh));

        await h.CompleteAsync(old, "a");
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(old)).Status);
    }

    [Fact]
    public async Task DuplicateFiltering_KeepsTheVersionWhenTheFileIsUnchanged()
    {
        await using var h = new EngineHarness();
        var xml = Bpmn.Sequence("a");
        DeploymentResult Deploy(Deployer d, string content) =>
            d.DeployAsync(new DeploymentRequest("startup", [new DeploymentResource("p.bpmn", content)], DuplicateFiltering: true), "system").GetAwaiter().GetResult();

        await using var scope = CreateScope(h);
        var deployer = scope.ServiceProvider.GetRequiredService<Deployer>();
        var a = Deploy(deployer, xml);
        var b = Deploy(deployer, xml);
        var c = Deploy(deployer, Bpmn.Sequence("a", "b"));

        Assert.Single(a.Deployed);
        Assert.Empty(b.Deployed);
        Assert.Equal(a.Deployed[0].Id, Assert.Single(b.Unchanged).Id);
        Assert.Equal(2, Assert.Single(c.Deployed).Version);
        Assert.Equal(2, await h.Query(db => db.Set<DeploymentRow>().CountAsync()));
    }

    [Fact]
    public async Task ShippedFileAtStartup_NeverOverwritesACoordinatorsNewerVersion_EvenWhenTheFileChanges()
    {
        await using var h = new EngineHarness();
        await using var scope = CreateScope(h);
        var deployer = scope.ServiceProvider.GetRequiredService<Deployer>();
        Task<DeploymentResult> Deploy(string xml, string source) =>
            deployer.DeployAsync(new DeploymentRequest(source, [new DeploymentResource("p.bpmn", xml)], DuplicateFiltering: true, Source: source)
            {
                YieldToOtherSources = source == "startup",
            }, "system");

        var shipped = Bpmn.Sequence("a");
        Assert.Equal(1, Assert.Single((await Deploy(shipped, "startup")).Deployed).Version);
        // A new release of the shipped file, while nobody published anything else: it becomes the next version.
        Assert.Equal(2, Assert.Single((await Deploy(Bpmn.Sequence("a", "c"), "startup")).Deployed).Version);
        Assert.Equal(3, Assert.Single((await Deploy(Bpmn.Sequence("a", "review"), "designer")).Deployed).Version);

        var restart = await Deploy(Bpmn.Sequence("a", "c"), "startup");
        Assert.Empty(restart.Deployed);
        Assert.Equal(3, Assert.Single(restart.Unchanged).Version);

        var newRelease = await Deploy(Bpmn.Sequence("a", "b"), "startup");
        Assert.Empty(newRelease.Deployed);
        Assert.Equal(3, Assert.Single(newRelease.Unchanged).Version);
    }

    [Fact]
    public async Task StartingAnUndeployedKey_SaysSo()
    {
        await using var h = new EngineHarness();
        var error = await Assert.ThrowsAsync<Errors.WorkflowNotFoundException>(() => h.StartAsync("nope"));
        Assert.Contains("'nope'", error.Message);
    }

    [Fact]
    public async Task StartInsideTheCallersTransaction_IsUndoneWithIt()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a"));
        await using (var scope = CreateScope(h))
        {
            var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
            await using var transaction = await engine.Db.Database.BeginTransactionAsync();
            await engine.StartAsync(new StartRequest("p"), "host");
            Assert.Equal(1, await engine.Db.Set<ProcessInstanceRow>().CountAsync());
            await transaction.RollbackAsync();
        }
        Assert.Equal(0, await h.Query(db => db.Set<ProcessInstanceRow>().CountAsync()));
        Assert.Equal(0, await h.Query(db => db.Set<TaskRow>().CountAsync()));
        Assert.Equal(0, await h.Query(async db => (await new Lapor.Workflows.History.HistoryEvents(db).AllAsync()).Count(r => r.InstanceId != null)));
    }

    private static AsyncServiceScope CreateScope(EngineHarness h) => h.Services.CreateAsyncScope();
}
