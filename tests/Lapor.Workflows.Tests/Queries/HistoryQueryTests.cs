using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Queries;

/// <summary>
/// <see cref="HistoryQuery"/> on a real SQLite database with the real engine: pages read by offset or by keyset add up
/// to the whole sorted list, filters and revisions hold across page boundaries, a list about one instance reads only its
/// chain, and a list across too many instances is refused.
/// </summary>
public sealed class HistoryQueryTests : IAsyncLifetime
{
    private static readonly string[] Steps = ["s1", "s2", "s3", "s4", "s5", "s6"];
    private readonly SqlRecorder _sql = new();
    private readonly EngineHarness _engine;
    private string _sequence = "";
    private string _other = "";

    public HistoryQueryTests() =>
        _engine = new EngineHarness(services => services.ConfigureDbContext<WorkflowDb>(o => o.AddInterceptors(_sql)));

    public async Task InitializeAsync()
    {
        await _engine.DeployAsync(Bpmn.Sequence(Steps));
        await _engine.DeployAsync(Bpmn.ForkJoin().Replace("\"p\"", "\"fork\""), "fork.bpmn");
        _sequence = await _engine.StartAsync();
        // Each step is completed a minute after the previous one was created, so start and end times all differ.
        foreach (var step in Steps[..^1])
        {
            _engine.Clock.Advance(TimeSpan.FromMinutes(1));
            await _engine.CompleteAsync(_sequence, step);
        }
        // Its two parallel tasks are created by one command and share a timestamp: only their position orders them.
        _other = await _engine.StartAsync("fork");
    }

    public async Task DisposeAsync() => await _engine.DisposeAsync();

    private async Task<T> History<T>(Func<HistoryQuery, Task<T>> read)
    {
        await using var scope = _engine.Services.CreateAsyncScope();
        return await read(scope.ServiceProvider.GetRequiredService<HistoryQuery>());
    }

    [Theory]
    [InlineData(HistoricTaskSort.StartTime, false, "s1 s2 s3 s4 s5 s6")]
    [InlineData(HistoricTaskSort.StartTime, true, "s6 s5 s4 s3 s2 s1")]
    [InlineData(HistoricTaskSort.EndTime, true, "s5 s4 s3 s2 s1 s6")]
    [InlineData(HistoricTaskSort.TaskDefinitionKey, true, "s6 s5 s4 s3 s2 s1")]
    [InlineData(HistoricTaskSort.Duration, false, "s6 s1 s2 s3 s4 s5")]
    public async Task TaskPagesByOffset_AddUpToTheWholeSortedList(HistoricTaskSort sort, bool descending, string expected)
    {
        var filter = new HistoricTaskFilter { InstanceId = _sequence };
        var whole = await History(h => h.TasksAsync(filter, sort, descending));
        Assert.Equal(expected, string.Join(' ', whole.Select(t => t.TaskDefinitionKey)));

        var paged = new List<HistoricTask>();
        for (var skip = 0; skip < 8; skip += 2)
            paged.AddRange(await History(h => h.TasksAsync(filter, sort, descending, new HistoryPage { Skip = skip, Take = 2 })));
        Assert.Equal(whole.Select(t => t.Id), paged.Select(t => t.Id));
    }

    [Fact]
    public async Task TaskPagesByKeyset_AddUpToTheWholeList_EvenThroughTasksCreatedTogether()
    {
        var whole = await History(h => h.TasksAsync(new HistoricTaskFilter(), descending: true));
        Assert.Equal(8, whole.Count);

        var paged = new List<HistoricTask>();
        HistoryCursor? after = null;
        while (true)
        {
            var page = await History(h => h.TasksAsync(new HistoricTaskFilter(), descending: true, page: new HistoryPage { After = after, Take = 3 }));
            if (page.Count == 0)
                break;
            paged.AddRange(page);
            after = page[^1].Cursor;
        }
        Assert.Equal(whole.Select(t => t.Id), paged.Select(t => t.Id));
        // s6 and both fork tasks were created at the same instant; their position keeps them apart across page boundaries.
        Assert.Equal(["dinkes", "dishub", "s6"], paged.Take(3).Select(t => t.TaskDefinitionKey).Order());
    }

    [Fact]
    public async Task TaskFilters_SelectByEndAndAssignee_BeforePaging()
    {
        var open = await History(h => h.TasksAsync(new HistoricTaskFilter { InstanceId = _sequence, Unfinished = true }));
        Assert.Equal("s6", Assert.Single(open).TaskDefinitionKey);
        await _engine.With(e => e.SetAssigneeAsync(open[0].Id, "ani", "tester"));

        var ani = await History(h => h.TasksAsync(new HistoricTaskFilter { Assignee = "ani" }));
        Assert.Equal(("s6", HistoricTaskStates.Updated), (Assert.Single(ani).TaskDefinitionKey, ani[0].State));
        // "demo" kept the finished steps; a page of the finished ones starts after the first two.
        var demo = await History(h => h.TasksAsync(new HistoricTaskFilter { Assignee = "demo", Finished = true }, page: new HistoryPage { Skip = 2 }));
        Assert.Equal(["s3", "s4", "s5"], demo.Select(t => t.TaskDefinitionKey));
        Assert.All(demo, t => Assert.Equal(HistoricTaskStates.Completed, t.State));
        Assert.Empty(await History(h => h.TasksAsync(new HistoricTaskFilter { Assignee = "de" })));
    }

    [Fact]
    public async Task VariableUpdates_KeepTheirRevision_OnEveryPage()
    {
        for (var i = 1; i <= 3; i++)
            await _engine.With(e => e.SetVariablesAsync(_sequence, new Dictionary<string, TypedValue> { ["catatan"] = TypedValue.From($"versi {i}") }, "tester"));
        var filter = new HistoricVariableFilter { InstanceId = _sequence, VariableName = "catatan" };

        var second = Assert.Single(await History(h => h.VariableUpdatesAsync(filter, page: new HistoryPage { Skip = 1, Take = 1 })));
        var last = Assert.Single(await History(h => h.VariableUpdatesAsync(filter, descending: true, page: new HistoryPage { Take = 1 })));
        Assert.Equal((1, "versi 2"), (second.Revision, second.StoredValue));
        Assert.Equal((2, "versi 3", second.VariableInstanceId), (last.Revision, last.StoredValue, last.VariableInstanceId));
        var variable = Assert.Single(await History(h => h.VariablesAsync(filter)));
        Assert.Equal((second.VariableInstanceId, "versi 3"), (variable.Id, variable.StoredValue));
    }

    [Fact]
    public async Task Operations_AreFilteredByCamundasOperationType()
    {
        var task = (await History(h => h.TasksAsync(new HistoricTaskFilter { InstanceId = _sequence, Unfinished = true })))[0];
        await _engine.With(e => e.UnclaimAsync(task.Id, "demo"));
        await _engine.With(e => e.ClaimAsync(task.Id, "ani", "ani"));
        await _engine.With(e => e.SetAssigneeAsync(task.Id, "budi", "admin"));

        // Camunda logs an unclaim as a Claim: both are found by the database under that one type.
        var claims = await History(h => h.OperationsAsync(new HistoricOperationFilter { InstanceId = _sequence, OperationType = "Claim" }));
        Assert.Equal(["Unclaim", "Claim"], claims.Select(o => o.Operation));
        var assign = Assert.Single(await History(h => h.OperationsAsync(new HistoricOperationFilter { InstanceId = _sequence, OperationType = "Assign" })));
        Assert.Equal(("SetAssignee", "Task"), (assign.Operation, assign.EntityType));
        var deployments = await History(h => h.OperationsAsync(new HistoricOperationFilter { EntityType = "Deployment" }));
        Assert.Equal(2, deployments.Count);
    }

    [Fact]
    public async Task AListAboutOneInstance_ReadsOnlyItsChain()
    {
        _sql.Commands.Clear();
        await History(h => h.TasksAsync(new HistoricTaskFilter { InstanceId = _sequence }, HistoricTaskSort.EndTime, true, new HistoryPage { Skip = 2, Take = 2 }));
        // Its old rows, its lasting and its open records: nothing about other instances.
        Assert.Equal(3, _sql.Commands.Count);
        Assert.All(_sql.Commands, c => Assert.DoesNotContain("wf_process_instance", c));
    }

    [Fact]
    public async Task AListAcrossMoreInstancesThanTheLimit_IsRefused_UntilNarrowed()
    {
        await using var scope = _engine.Services.CreateAsyncScope();
        var history = new HistoryQuery(scope.ServiceProvider.GetRequiredService<WorkflowDb>()) { ChainLimit = 1 };

        var refused = await Assert.ThrowsAsync<WorkflowException>(() => history.TasksAsync(new HistoricTaskFilter { Assignee = "demo" }));
        Assert.Equal("InvalidRequestException", refused.Type);
        Assert.Contains("more than 1 process instances", refused.Message);
        Assert.Contains("processInstanceId", refused.Message);
        Assert.Contains("processDefinitionId", refused.Message);
        await Assert.ThrowsAsync<WorkflowException>(() => history.OperationsAsync(new HistoricOperationFilter { Actor = "demo" }));

        Assert.Equal(5, (await history.TasksAsync(new HistoricTaskFilter { InstanceId = _sequence, Assignee = "demo", Finished = true })).Count);
        var fork = await history.InstanceAsync(_other);
        Assert.Equal(2, (await history.TasksAsync(new HistoricTaskFilter { DefinitionId = fork!.DefinitionId })).Count);
    }

    [Fact]
    public async Task Activities_PairStartAndEnd_AndPageInTheOrderTheyRan()
    {
        var filter = new HistoricActivityFilter { InstanceId = _sequence };
        var whole = await History(h => h.ActivitiesAsync(filter));
        Assert.Equal(["start", "s1", "s2", "s3", "s4", "s5", "s6"], whole.Select(a => a.ActivityId));
        var page = await History(h => h.ActivitiesAsync(filter, page: new HistoryPage { Skip = 5, Take = 5 }));
        Assert.Equal(["s5", "s6"], page.Select(a => a.ActivityId));
        Assert.NotNull(page[0].EndTime);
        Assert.Null(page[1].EndTime);
        Assert.Equal(page[1].TaskId, (await _engine.SingleTaskAsync(_sequence, "s6")).Id);
        Assert.Equal(6, (await History(h => h.ActivitiesAsync(filter with { Finished = true }))).Count);
    }

    [Fact]
    public async Task Journal_ReadsOneChainAfterASeq()
    {
        var all = await History(h => h.JournalAsync(_sequence));
        var rest = await History(h => h.JournalAsync(_sequence, afterSeq: 3, take: 4));
        Assert.Equal(all.Skip(3).Take(4).Select(r => r.Seq), rest.Select(r => r.Seq));
        Assert.True(await History(h => h.HasEnteredAsync(_sequence, "s3")));
        Assert.Equal(new[] { _other }, (await History(h => h.EnteredAsync([_sequence, _other], "dinkes"))).ToArray());
    }
}
