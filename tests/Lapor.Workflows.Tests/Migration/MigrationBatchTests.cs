using Lapor.Workflows.Execution;
using Lapor.Workflows.Migration;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Migration;

public sealed class MigrationBatchTests
{
    [Fact]
    public async Task Batch_MovesInstancesInChunks_RecordsFailures_AndCarriesOnAfterARestart()
    {
        var path = EngineHarness.NewDatabasePath();
        try
        {
            string batchId;
            List<string> stuck;
            MigrationPlan plan;
            await using (var before = new EngineHarness(databasePath: path))
            {
                var v1 = (await before.DeployAsync(Bpmn.Sequence("a", "b"))).Deployed[0];
                var ids = new List<string>();
                for (var i = 0; i < 5; i++)
                    ids.Add(await before.StartAsync(businessKey: $"LPR-{i}"));
                // Two instances move on to 'b', which the new version no longer has.
                stuck = ids.Take(2).ToList();
                foreach (var id in stuck)
                    await before.CompleteAsync(id, "a");
                var v2 = (await before.DeployAsync(Bpmn.Sequence("a", "c"))).Deployed[0];
                plan = new MigrationPlan(v1.Id, v2.Id, await before.With(e => e.DefaultMigrationInstructionsAsync(v1.Id, v2.Id)));

                var batch = await Batches(before, b => b.StartAsync(plan, "koordinator"));
                batchId = batch.Id;
                Assert.Equal(5, batch.Total);
                Assert.Equal(MigrationBatchState.Running, batch.State);

                Assert.Equal(2, await Batches(before, b => b.RunChunkAsync(chunkSize: 2)));
                var progress = (await Batches(before, b => b.FindAsync(batchId)))!;
                Assert.Equal((2, 2, MigrationBatchState.Running), (progress.Position, progress.Done + progress.Failed, progress.State));
            }

            // A new host on the same database: the sweep continues where the committed chunk ended.
            await using var after = new EngineHarness(databasePath: path);
            Assert.True(await Batches(after, b => b.RunAsync(TimeSpan.FromMinutes(1), chunkSize: 2)) > 0);

            var done = (await Batches(after, b => b.FindAsync(batchId)))!;
            Assert.Equal(MigrationBatchState.Completed, done.State);
            Assert.Equal((5, 3, 2, 5), (done.Total, done.Done, done.Failed, done.Position));
            Assert.NotNull(done.EndedAt);
            var failures = done.Failures;
            Assert.Equal(stuck.Order(), failures.Select(f => f.InstanceId).Order());
            Assert.All(failures, f => Assert.Contains("active in activity 'b' which has no mapping", f.Message));
            Assert.All(failures, f => Assert.Equal(("NoMapping", "b"), (f.Reasons![0].Code, f.Reasons[0].Arguments[0])));

            foreach (var id in stuck)
                Assert.Equal(plan.SourceDefinitionId, (await after.InstanceAsync(id)).DefinitionId);
            var moved = await after.Query(db => Task.FromResult(db.Set<ProcessInstanceRow>().Count(i => i.DefinitionId == plan.TargetDefinitionId && i.Status == InstanceStatus.Active)));
            Assert.Equal(3, moved);
            Assert.Equal(0, await Batches(after, b => b.RunChunkAsync()));
        }
        finally
        {
            EngineHarness.DeleteDatabase(path);
        }
    }

    [Fact]
    public async Task Batch_WithAnInvalidPlan_IsRefused()
    {
        await using var h = new EngineHarness();
        var v1 = (await h.DeployAsync(Bpmn.Sequence("a"))).Deployed[0];
        var v2 = (await h.DeployAsync(Bpmn.Sequence("a", "b"))).Deployed[0];
        var plan = new MigrationPlan(v1.Id, v2.Id, [new MigrationInstruction("a", "nowhere")]);

        await Assert.ThrowsAsync<Errors.WorkflowException>(() => Batches(h, b => b.StartAsync(plan, "koordinator")));
    }

    [Fact]
    public async Task Batch_ForChosenInstances_MovesOnlyThose_AndRefusesAnInstanceOfAnotherVersion()
    {
        await using var h = new EngineHarness();
        var v1 = (await h.DeployAsync(Bpmn.Sequence("a"))).Deployed[0];
        var ids = new List<string>();
        for (var i = 0; i < 4; i++)
            ids.Add(await h.StartAsync(businessKey: $"LPR-{i}"));
        var v2 = (await h.DeployAsync(Bpmn.Sequence("a", "b"))).Deployed[0];
        var onV2 = await h.StartAsync(businessKey: "LPR-baru");
        var plan = new MigrationPlan(v1.Id, v2.Id, await h.With(e => e.DefaultMigrationInstructionsAsync(v1.Id, v2.Id)));

        var foreign = await Assert.ThrowsAsync<Errors.WorkflowException>(() => Batches(h, b => b.StartAsync(plan, "koordinator", [ids[0], onV2])));
        Assert.Contains(onV2, foreign.Message);
        await Assert.ThrowsAsync<Errors.WorkflowException>(() => Batches(h, b => b.StartAsync(plan, "koordinator", [])));
        Assert.Empty(await Batches(h, b => b.ListAsync(v1.Key)));

        var batch = await Batches(h, b => b.StartAsync(plan, "koordinator", [ids[3], ids[1]]));
        Assert.Equal(2, batch.Total);
        await Batches(h, b => b.RunAsync(TimeSpan.FromMinutes(1)));

        Assert.Equal(MigrationBatchState.Completed, (await Batches(h, b => b.FindAsync(batch.Id)))!.State);
        Assert.Equal([v1.Id, v2.Id, v1.Id, v2.Id], await Task.WhenAll(ids.Select(async id => (await h.InstanceAsync(id)).DefinitionId)));
    }

    [Fact]
    public async Task AnInstanceThatCannotMove_GivesItsReasonAsACodeWithTheElement()
    {
        await using var h = new EngineHarness();
        var v1 = (await h.DeployAsync(Bpmn.Sequence("a", "b"))).Deployed[0];
        var id = await h.StartAsync(businessKey: "LPR-1");
        await h.CompleteAsync(id, "a");
        var v2 = (await h.DeployAsync(Bpmn.Sequence("a", "c"))).Deployed[0];
        var plan = new MigrationPlan(v1.Id, v2.Id, await h.With(e => e.DefaultMigrationInstructionsAsync(v1.Id, v2.Id)));

        var check = Assert.Single((await h.With(e => e.DryRunMigrationAsync(plan))).Instances);

        Assert.Equal(["b"], check.ActivityIds);
        var reason = Assert.Single(check.Reasons);
        Assert.Equal(("NoMapping", "b"), (reason.Code, reason.Arguments[0]));
        Assert.Equal("active in activity 'b' which has no mapping", reason.Message);
    }

    private static async Task<T> Batches<T>(EngineHarness h, Func<MigrationBatches, Task<T>> action)
    {
        await using var scope = h.Services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<MigrationBatches>());
    }
}
