using System.Diagnostics;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows;
using Lapor.Workflows.Runtime;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lapor.Benchmarks;

/// <summary>
/// The engine as a web host runs it: one DI scope, hence one new DbContext and engine, per request, on a pooled
/// SQLite connection. Each instance is start → complete a → complete b, and before each completion the client looks
/// the open task up in its own request (a real client asks GET /task first); those look-ups are inside the timing.
/// </summary>
internal sealed class EngineBenchmark : IAsyncDisposable
{
    public const int CommandsPerInstance = 3;
    private const string ProcessKey = "p";
    private const string Actor = "bench";

    private readonly ServiceProvider _services;
    private readonly SqlRecorder? _recorder;

    private EngineBenchmark(ServiceProvider services, SqlRecorder? recorder)
    {
        _services = services;
        _recorder = recorder;
    }

    /// <param name="recorder">For the profile: receives every request's SQL; null in the timed benchmark.</param>
    public static async Task<EngineBenchmark> CreateAsync(string path, SqlRecorder? recorder = null)
    {
        // Pooling stays on (the default), as in the host; a fresh scope still means a fresh DbContext.
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        var synchronous = new SynchronousInterceptor();
        services.AddDbContextPool<WorkflowDb>(o => o.UseWorkflowSqlite(connectionString).AddInterceptors(recorder is null ? [synchronous] : [synchronous, recorder]));
        services.AddWorkflowEngine<WorkflowDb>();
        var benchmark = new EngineBenchmark(services.BuildServiceProvider(), recorder);
        await using var scope = benchmark._services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
        await db.Database.EnsureCreatedAsync();
        // EnsureCreated already chose WAL; saying it again keeps the setting visible here and equal to the plain side.
        await db.Database.ExecuteSqlRawAsync(SqliteSettings.JournalModePragma);
        var xml = ProcessXml("a", "b");
        await scope.ServiceProvider.GetRequiredService<Deployer>()
            .DeployAsync(new DeploymentRequest("bench", [new DeploymentResource("bench.bpmn", xml)]), Actor);
        return benchmark;
    }

    /// <summary>Runs <paramref name="instances"/> instances to their end: <see cref="CommandsPerInstance"/> commands each.</summary>
    public async Task RunAsync(int instances)
    {
        for (var i = 0; i < instances; i++)
        {
            var instanceId = (await InScope("start", sp => sp.GetRequiredService<WorkflowEngine>().StartAsync(new StartRequest(ProcessKey), Actor))).Id;
            for (var step = 0; step < CommandsPerInstance - 1; step++)
            {
                var taskId = await InScope("look up task", sp => OpenTaskAsync(sp.GetRequiredService<WorkflowDb>(), instanceId));
                await InScope(step == 0 ? "complete a" : "complete b", async sp =>
                {
                    await sp.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(taskId, null, Actor);
                    return true;
                });
            }
        }
    }

    // A client that asks the same question thousands of times compiles it once, as the engine does its own reads. As a
    // sequence rather than with Single(): EF's compiled single-result queries build a delegate on every run.
    private static readonly Func<WorkflowDb, string, IAsyncEnumerable<string>> OpenTaskOf = EF.CompileAsyncQuery(
        (WorkflowDb db, string instanceId) => db.Set<TaskRow>().AsNoTracking().Where(t => t.InstanceId == instanceId).Select(t => t.Id));

    private static async Task<string> OpenTaskAsync(WorkflowDb db, string instanceId)
    {
        string? found = null;
        await foreach (var id in OpenTaskOf(db, instanceId))
            found = found is null ? id : throw new InvalidOperationException($"Instance {instanceId} has more than one open task.");
        return found ?? throw new InvalidOperationException($"Instance {instanceId} has no open task.");
    }

    /// <summary>Instances that reached the end event: a check, outside the timing, that the loop did the real work.</summary>
    public Task<int> CompletedInstancesAsync() =>
        InScope("check", sp => sp.GetRequiredService<WorkflowDb>().Set<ProcessInstanceRow>().CountAsync(i => i.Status == InstanceStatus.Completed));

    /// <summary>journal_mode and synchronous as an engine connection actually has them.</summary>
    public Task<SqliteState> ReadSettingsAsync() =>
        InScope("check", async sp =>
        {
            var db = sp.GetRequiredService<WorkflowDb>();
            await db.Database.OpenConnectionAsync();
            return await SqliteState.ReadAsync(db.Database.GetDbConnection());
        });

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        WorkflowSqlite.CloseIdleConnections();
        SqliteConnection.ClearAllPools();
    }

    private async Task<T> InScope<T>(string kind, Func<IServiceProvider, Task<T>> request)
    {
        if (_recorder is null)
        {
            await using var scope = _services.CreateAsyncScope();
            return await request(scope.ServiceProvider);
        }
        _recorder.Begin(kind);
        var watch = Stopwatch.StartNew();
        try
        {
            await using var scope = _services.CreateAsyncScope();
            return await request(scope.ServiceProvider);
        }
        finally
        {
            _recorder.End(watch.Elapsed);
        }
    }

    /// <summary>start → one user task per id → end, the shape of the engine tests' <c>Bpmn.Sequence</c>.</summary>
    private static string ProcessXml(params string[] taskIds)
    {
        string[] nodes = ["start", .. taskIds, "end"];
        var tasks = string.Concat(taskIds.Select(id => $"""<bpmn:userTask id="{id}" name="Task {id}" camunda:assignee="demo"/>"""));
        var flows = string.Concat(nodes.Skip(1).Select((target, i) => $"""<bpmn:sequenceFlow id="f{i}" sourceRef="{nodes[i]}" targetRef="{target}"/>"""));
        return $"""
            <?xml version="1.0" encoding="UTF-8"?>
            <bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL"
                              xmlns:camunda="http://camunda.org/schema/1.0/bpmn"
                              id="defs_{ProcessKey}" targetNamespace="http://lapor.bench">
              <bpmn:process id="{ProcessKey}" name="Benchmark" isExecutable="true">
                <bpmn:startEvent id="start"/><bpmn:endEvent id="end"/>{tasks}{flows}
              </bpmn:process>
            </bpmn:definitions>
            """;
    }
}
