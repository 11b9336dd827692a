using Lapor.Workflows.Errors;
using Lapor.Workflows.History;
using Lapor.Workflows.Tests.Support;

namespace Lapor.Workflows.Tests.Execution;

public sealed class ConcurrencyTests
{
    [Fact]
    public async Task ParallelCompletionsOfOneTask_OneWins_TheOthersGetAConflict()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync();
        var task = await h.SingleTaskAsync(id, "a");

        var attempts = Enumerable.Range(0, 6).Select(i => Task.Run(async () =>
        {
            try
            {
                await h.With(e => e.CompleteTaskAsync(task.Id, EngineHarness.Vars(new { by = i }), $"officer{i}"));
                return "ok";
            }
            catch (WorkflowConflictException)
            {
                return "conflict";
            }
        })).ToList();
        var outcomes = await Task.WhenAll(attempts);

        Assert.Equal(1, outcomes.Count(o => o == "ok"));
        Assert.Equal(5, outcomes.Count(o => o == "conflict"));
        Assert.Equal(["b"], await h.PositionsAsync(id));
        Assert.Equal(1, await h.Query(async db => (await new HistoryEvents(db).OfChainAsync(id)).Count(r => r.TaskId == task.Id && r.Kind == HistoryEventKind.TaskCompleted)));
    }
}
