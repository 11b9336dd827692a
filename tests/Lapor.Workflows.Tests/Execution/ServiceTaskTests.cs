using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.ServiceTasks;
using Lapor.Workflows.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Execution;

public sealed class ServiceTaskTests
{
    /// <summary>Fails while <see cref="FailuresLeft"/> is positive, then assigns a number.</summary>
    private sealed class NumberingHandler(Counter counter) : IServiceTaskHandler
    {
        public Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken ct)
        {
            counter.Calls++;
            if (counter.FailuresLeft-- > 0)
                throw new InvalidOperationException("registry unavailable");
            return Task.FromResult<IReadOnlyDictionary<string, object?>?>(new Dictionary<string, object?>
            {
                ["number"] = $"REG-{context.BusinessKey}", ["attempt"] = context.Attempt,
            });
        }
    }

    private sealed class Counter
    {
        public int Calls;
        public int FailuresLeft;
    }

    private static string Process(string retry = "", string async = "") => Bpmn.Process($$"""
        <bpmn:startEvent id="start"/>
        <bpmn:serviceTask id="register" camunda:delegateExpression="${numbering}" {{async}}>
          <bpmn:extensionElements>{{retry}}</bpmn:extensionElements>
        </bpmn:serviceTask>
        <bpmn:userTask id="verify" camunda:candidateGroups="inspektorat"/>
        <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="register"/>
        <bpmn:sequenceFlow id="f2" sourceRef="register" targetRef="verify"/>
        """);

    private static (EngineHarness, Counter) Harness(int failures)
    {
        var counter = new Counter { FailuresLeft = failures };
        return (new EngineHarness(s => s.AddSingleton(counter).AddServiceTask<NumberingHandler>("numbering")), counter);
    }

    [Fact]
    public async Task Handler_RunsInline_AndItsOutputBecomesVariables()
    {
        var (h, counter) = Harness(failures: 0);
        await using var _ = h;
        await h.DeployAsync(Process());
        var id = await h.StartAsync(businessKey: "7");
        Assert.Equal(["verify"], await h.PositionsAsync(id));
        Assert.Equal("REG-7", (await h.VariablesAsync(id))["number"]);
        Assert.Equal(1, counter.Calls);
    }

    [Fact]
    public async Task FailingHandler_IsRetriedPerCycle_ThenRaisesAnIncident_WhichCanBeRetried()
    {
        var (h, counter) = Harness(failures: 3);
        await using var _ = h;
        await h.DeployAsync(Process("<camunda:failedJobRetryTimeCycle>R3/PT10M</camunda:failedJobRetryTimeCycle>"));
        var id = await h.StartAsync(businessKey: "8");

        // The start is kept even though the first attempt failed: nothing the citizen sent is lost.
        Assert.Equal(["register"], await h.PositionsAsync(id));
        Assert.Equal(1, counter.Calls);
        await h.AdvanceAsync(TimeSpan.FromMinutes(9));
        Assert.Equal(1, counter.Calls);
        await h.AdvanceAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, counter.Calls);
        await h.AdvanceAsync(TimeSpan.FromMinutes(10));
        Assert.Equal(3, counter.Calls);
        var incident = await h.Query(db => db.Set<IncidentRow>().SingleAsync(i => i.InstanceId == id));
        Assert.Equal("register", incident.ActivityId);
        Assert.Contains("registry unavailable", incident.Message);
        Assert.Equal(0, await h.Query(db => db.Set<JobRow>().CountAsync()));

        counter.FailuresLeft = 0;
        await h.With(e => e.RetryIncidentAsync(incident.Id, "operator"));
        Assert.Equal(["verify"], await h.PositionsAsync(id));
        Assert.Equal(0, await h.Query(db => db.Set<IncidentRow>().CountAsync()));
        Assert.Equal(3L, (await h.VariablesAsync(id))["attempt"]);
    }

    [Fact]
    public async Task RetriedIncidentThatFailsAgain_RaisesANewIncident()
    {
        var (h, _) = Harness(failures: 10);
        await using var __ = h;
        await h.DeployAsync(Process("<camunda:failedJobRetryTimeCycle>R1/PT1M</camunda:failedJobRetryTimeCycle>"));
        var id = await h.StartAsync();
        var first = await h.Query(db => db.Set<IncidentRow>().SingleAsync());
        await h.With(e => e.RetryIncidentAsync(first.Id, "operator"));
        var second = await h.Query(db => db.Set<IncidentRow>().SingleAsync());
        Assert.NotEqual(first.Id, second.Id);
        Assert.Equal(["register"], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task AsyncBefore_CommitsTheStartFirst_AndRunsTheHandlerAsAJob()
    {
        var (h, counter) = Harness(failures: 0);
        await using var _ = h;
        await h.DeployAsync(Process(async: "camunda:asyncBefore=\"true\""));
        var id = await h.StartAsync();
        Assert.Equal(0, counter.Calls);
        Assert.Equal(["register"], await h.PositionsAsync(id));
        Assert.Equal(1, await h.AdvanceAsync(TimeSpan.Zero));
        Assert.Equal(1, counter.Calls);
        Assert.Equal(["verify"], await h.PositionsAsync(id));
    }

    [Fact]
    public async Task ExpressionServiceTask_StoresItsResult()
    {
        await using var h = new EngineHarness();
        await h.DeployAsync(Bpmn.Process("""
            <bpmn:startEvent id="start"/>
            <bpmn:serviceTask id="calc" camunda:expression="${rating * 20}" camunda:resultVariable="score"/>
            <bpmn:endEvent id="end"/>
            <bpmn:sequenceFlow id="f1" sourceRef="start" targetRef="calc"/>
            <bpmn:sequenceFlow id="f2" sourceRef="calc" targetRef="end"/>
            """));
        var id = await h.StartAsync(variables: new { rating = 4 });
        Assert.Equal(80L, (await h.LastVariablesAsync(id))["score"]);
        Assert.Equal(InstanceStatus.Completed, (await h.InstanceAsync(id)).Status);
    }
}
