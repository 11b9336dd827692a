using Lapor.Workflows.Calendars;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Queries;
using Lapor.Workflows;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.ServiceTasks;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.Workflows.Tests.Support;

/// <summary>
/// A real engine on a real SQLite file. Every call opens a fresh DI scope (new DbContext, new engine), so every
/// step of a test goes through the database, as a restarted host would.
/// </summary>
public sealed class EngineHarness : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string _path;
    private readonly bool _ownsFile;

    /// <param name="databasePath">An existing SQLite file to run on (a "restarted host"); it is then left in place on dispose.</param>
    /// <param name="pooling">Pooled SQLite connections, as the host has them (so they stay open between scopes); off by default, so every scope opens the file afresh.</param>
    public EngineHarness(Action<IServiceCollection>? configure = null, BusinessCalendar? calendar = null, string? postgresConnection = null,
        string? databasePath = null, bool pooling = false)
    {
        _ownsFile = databasePath is null;
        _path = databasePath ?? NewDatabasePath();
        ConnectionString = postgresConnection ?? new SqliteConnectionStringBuilder { DataSource = _path, Pooling = pooling, DefaultTimeout = 30 }.ToString();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton(calendar ?? BusinessCalendar.Plain(CalendarZones.Wita));
        if (postgresConnection is null)
            services.AddDbContext<WorkflowDb>(o => o.UseWorkflowSqlite(ConnectionString));
        else
            services.AddDbContext<WorkflowDb>(o => o.UseNpgsql(postgresConnection));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddWorkflowEngine<WorkflowDb>();
        configure?.Invoke(services);
        _services = services.BuildServiceProvider();
        using var scope = _services.CreateScope();
        scope.ServiceProvider.GetRequiredService<WorkflowDb>().Database.EnsureCreated();
    }

    public IServiceProvider Services => _services;

    public string DatabasePath => _path;

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), $"lapor-engine-{Guid.NewGuid():N}.db");

    public static void DeleteDatabase(string path)
    {
        SqliteConnection.ClearAllPools();
        foreach (var suffix in new[] { "", "-wal", "-shm", "-journal" })
            File.Delete(path + suffix);
    }

    public FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 3, 2, 1, 0, 0, TimeSpan.Zero)); // Monday 09:00 WITA
    public string ConnectionString { get; }

    /// <summary>Runs <paramref name="action"/> with an engine on a brand-new DbContext.</summary>
    public async Task<T> With<T>(Func<WorkflowEngine, Task<T>> action)
    {
        await using var scope = _services.CreateAsyncScope();
        return await action(scope.ServiceProvider.GetRequiredService<WorkflowEngine>());
    }

    public Task With(Func<WorkflowEngine, Task> action) => With(async e => { await action(e); return true; });

    internal async Task<T> Query<T>(Func<WorkflowDb, Task<T>> query)
    {
        await using var scope = _services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<WorkflowDb>());
    }

    public async Task<DeploymentResult> DeployAsync(string xml, string name = "test.bpmn")
    {
        await using var scope = _services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<Deployer>().DeployAsync(new DeploymentRequest("test", [new DeploymentResource(name, xml)]), "tester");
    }

    public async Task<string> StartAsync(string key = "p", object? variables = null, string? businessKey = null, string? category = null)
    {
        var instance = await With(e => e.StartAsync(new StartRequest(key, businessKey, Vars(variables)) { Category = category }, "tester"));
        return instance.Id;
    }

    internal Task<List<TaskRow>> TasksAsync(string instanceId) =>
        Query(db => db.Set<TaskRow>().Include(t => t.Candidates).Where(t => t.InstanceId == instanceId).OrderBy(t => t.TaskDefinitionKey).ToListAsync());

    internal async Task<TaskRow> SingleTaskAsync(string instanceId, string key)
    {
        var tasks = await TasksAsync(instanceId);
        return Assert.Single(tasks, t => t.TaskDefinitionKey == key);
    }

    public async Task CompleteAsync(string instanceId, string key, object? variables = null, string actor = "officer")
    {
        var task = await SingleTaskAsync(instanceId, key);
        await With(e => e.CompleteTaskAsync(task.Id, Vars(variables), actor));
    }

    /// <summary>Where the instance's tokens wait, sorted: the observable "position" of a process.</summary>
    public Task<List<string>> PositionsAsync(string instanceId) =>
        Query(db => db.Set<ExecutionRow>().Where(e => e.InstanceId == instanceId).Select(e => e.ActivityId).OrderBy(a => a).ToListAsync());

    internal Task<ProcessInstanceRow> InstanceAsync(string instanceId) =>
        Query(db => db.Set<ProcessInstanceRow>().SingleAsync(i => i.Id == instanceId));

    public Task<Dictionary<string, object?>> VariablesAsync(string instanceId) =>
        Query(async db => (await db.Set<VariableRow>().Where(v => v.InstanceId == instanceId).ToListAsync())
            .ToDictionary(v => v.Name, v => TypedValue.Deserialize(v.Type, v.Value).Value));

    /// <summary>Each variable's last value as history keeps it: what an ended instance, which has no runtime variables, had.</summary>
    public Task<Dictionary<string, object?>> LastVariablesAsync(string instanceId) =>
        Query(async db => (await new HistoryQuery(db).VariablesAsync(new HistoricVariableFilter { InstanceId = instanceId }))
            .ToDictionary(v => v.Name, v => TypedValue.Deserialize(v.Type, v.StoredValue).Value));

    /// <summary>Activity ids in the order they completed (history), e.g. to assert the path taken.</summary>
    public Task<List<string>> CompletedActivitiesAsync(string instanceId) =>
        Query(async db => (await new HistoryEvents(db).OfChainAsync(instanceId))
            .Where(h => h.InstanceId == instanceId && h.Kind == HistoryEventKind.ActivityEnded && h.Value == "completed").Select(h => h.ActivityId!).ToList());

    public async Task<int> AdvanceAsync(TimeSpan by)
    {
        Clock.Advance(by);
        return await With(e => e.RunDueJobsAsync());
    }

    public static IReadOnlyDictionary<string, TypedValue> Vars(object? values) =>
        values is null
            ? new Dictionary<string, TypedValue>()
            : values.GetType().GetProperties().ToDictionary(p => p.Name, p => TypedValue.From(p.GetValue(values)));

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        WorkflowSqlite.CloseIdleConnections(ConnectionString);
        SqliteConnection.ClearAllPools();
        if (_ownsFile)
            DeleteDatabase(_path);
    }
}
