using System.Text.RegularExpressions;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Persistence.Sqlite;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using SQLitePCL;

namespace Lapor.Workflows.Tests.Persistence.Sqlite;

/// <summary>
/// <see cref="KeptConnections"/> keeps the engine's SQLite connections open from one DI scope to the next, so its
/// statements stay compiled; a connection is never with two scopes at once, one left in a transaction is not kept,
/// and a replaced database file is what the next scope reads once the idle connections are closed.
/// </summary>
public sealed class KeptConnectionsTests
{
    private const int StatementReprepares = 5; // SQLITE_STMTSTATUS_REPREPARE

    [Fact]
    public async Task TheNextScope_GetsTheSameConnection_AndItsStatementsStayCompiled()
    {
        await using var h = new EngineHarness(pooling: true);
        await h.DeployAsync(Bpmn.Sequence("a", "b", "c"));
        var id = await h.StartAsync();

        SqliteConnection first;
        sqlite3_stmt probe;
        SqliteCommand taskRead;
        await using (var scope = h.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            var task = await db.Set<TaskRow>().Where(t => t.InstanceId == id).Select(t => t.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task, null, "budi");
            first = (SqliteConnection)db.Database.GetDbConnection();
            taskRead = Assert.Single(PreparedCommands.On(first), c => c.CommandText.StartsWith("SELECT t.", StringComparison.Ordinal));
            // A statement compiled on the same native connection: anything that expires the connection's statements
            // between the scopes (registering EF's functions again on an open) makes SQLite compile it again on its next step.
            Assert.Equal(raw.SQLITE_OK, raw.sqlite3_prepare_v2(first.Handle, "SELECT count(*) FROM wf_task", out probe));
            Assert.Equal(raw.SQLITE_ROW, raw.sqlite3_step(probe));
            raw.sqlite3_reset(probe);
        }
        try
        {
            await using var scope = h.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            var task = await db.Set<TaskRow>().Where(t => t.InstanceId == id).Select(t => t.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task, null, "budi");
            Assert.Same(first, db.Database.GetDbConnection());
            Assert.Contains(taskRead, PreparedCommands.On(first));
            Assert.Equal(raw.SQLITE_ROW, raw.sqlite3_step(probe));
            Assert.Equal(0, raw.sqlite3_stmt_status(probe, StatementReprepares, 0));
            // EF's SQL functions are there on the kept connection.
            Assert.Equal(1, await db.Set<TaskRow>().CountAsync(t => t.InstanceId == id && Regex.IsMatch(t.TaskDefinitionKey, "^c$")));
        }
        finally
        {
            raw.sqlite3_finalize(probe);
        }
    }

    [Fact]
    public async Task AScopeDisposedSynchronously_GivesItsConnectionBack()
    {
        // Background jobs and tests write "using var scope = CreateScope()"; DI then refuses any service in the scope
        // that is only asynchronously disposable, which the lease once was.
        await using var h = new EngineHarness(pooling: true);
        await h.DeployAsync(Bpmn.Sequence("a", "b"));
        var id = await h.StartAsync();

        SqliteConnection used;
        using (var scope = h.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            var task = await db.Set<TaskRow>().Where(t => t.InstanceId == id).Select(t => t.Id).SingleAsync();
            await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task, null, "budi");
            used = (SqliteConnection)db.Database.GetDbConnection();
        }

        await using var next = h.Services.CreateAsyncScope();
        var nextDb = next.ServiceProvider.GetRequiredService<WorkflowDb>();
        var last = await nextDb.Set<TaskRow>().Where(t => t.InstanceId == id).Select(t => t.Id).SingleAsync();
        await next.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(last, null, "budi");
        Assert.Same(used, nextDb.Database.GetDbConnection());
    }

    [Fact]
    public async Task ScopesThatRunAtTheSameTime_NeverShareAConnection()
    {
        await using var h = new EngineHarness(pooling: true);
        await h.DeployAsync(Bpmn.Sequence("a"));
        var seen = new HashSet<object>(ReferenceEqualityComparer.Instance);
        for (var round = 0; round < 10; round++)
        {
            using var together = new Barrier(4);
            var connections = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
            {
                await using var scope = h.Services.CreateAsyncScope();
                var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
                await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync(new StartRequest("p"), "budi");
                // All four scopes hold their connection at this point.
                Assert.True(together.SignalAndWait(TimeSpan.FromSeconds(60)));
                return db.Database.GetDbConnection();
            })));
            Assert.Equal(4, connections.Distinct(ReferenceEqualityComparer.Instance).Count());
            seen.UnionWith(connections);
        }
        // Each round after the first took the connections the one before had left, instead of opening new ones.
        Assert.Equal(4, seen.Count);
        Assert.Equal(40, await h.Query(db => db.Set<ProcessInstanceRow>().CountAsync()));
    }

    [Fact]
    public async Task AConnectionLeftInATransaction_IsNotKept()
    {
        await using var h = new EngineHarness(pooling: true);
        await h.DeployAsync(Bpmn.Sequence("a"));
        var idleBefore = KeptConnections.IdleCount(h.ConnectionString);
        SqliteConnection left;
        await using (var scope = h.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
            await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync(new StartRequest("p"), "budi");
            left = (SqliteConnection)db.Database.GetDbConnection();
            // Behind EF's back: a write transaction nobody ends.
            using var begin = left.CreateCommand();
            begin.CommandText = "BEGIN IMMEDIATE; DELETE FROM wf_process_instance;";
            begin.ExecuteNonQuery();
        }
        Assert.Equal(System.Data.ConnectionState.Closed, left.State);
        Assert.Equal(idleBefore, KeptConnections.IdleCount(h.ConnectionString));
        // Its write lock went with it, and what it did was never committed.
        await h.StartAsync();
        Assert.Equal(2, await h.Query(db => db.Set<ProcessInstanceRow>().CountAsync()));
    }

    [Fact]
    public async Task AfterCloseIdleConnections_AReplacedFileIsWhatTheNextScopeReads()
    {
        await using var h = new EngineHarness(pooling: true);
        await h.DeployAsync(Bpmn.Sequence("a"));
        await h.StartAsync();
        Assert.True(KeptConnections.IdleCount(h.ConnectionString) > 0);

        // As a restore does it: the database moved aside and another file (here an empty engine database) put in its place.
        var other = EngineHarness.NewDatabasePath();
        await using (new EngineHarness(databasePath: other))
        {
        }
        try
        {
            WorkflowSqlite.CloseIdleConnections(h.ConnectionString);
            SqliteConnection.ClearAllPools();
            Assert.Equal(0, KeptConnections.IdleCount(h.ConnectionString));
            File.Move(h.DatabasePath, h.DatabasePath + ".before-restore");
            File.Copy(other, h.DatabasePath);
            Assert.Equal(0, await h.Query(db => db.Set<ProcessInstanceRow>().CountAsync()));
            await h.DeployAsync(Bpmn.Sequence("a"));
            await h.StartAsync();
            Assert.Equal(1, await h.Query(db => db.Set<ProcessInstanceRow>().CountAsync()));
        }
        finally
        {
            EngineHarness.DeleteDatabase(other);
            EngineHarness.DeleteDatabase(h.DatabasePath + ".before-restore");
        }
    }

    [Fact]
    public async Task APooledContext_GoesBackToThePoolWithoutTheKeptConnection()
    {
        var path = EngineHarness.NewDatabasePath();
        var connectionString = new SqliteConnectionStringBuilder { DataSource = path }.ToString();
        var services = new ServiceCollection();
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        services.AddDbContextPool<WorkflowDb>(o => o.UseWorkflowSqlite(connectionString));
        services.AddWorkflowEngine<WorkflowDb>();
        try
        {
            await using (var provider = services.BuildServiceProvider())
            {
                await using (var scope = provider.CreateAsyncScope())
                {
                    await scope.ServiceProvider.GetRequiredService<WorkflowDb>().Database.EnsureCreatedAsync();
                    await scope.ServiceProvider.GetRequiredService<Deployer>()
                        .DeployAsync(new DeploymentRequest("test", [new DeploymentResource("test.bpmn", Bpmn.Sequence("a"))]), "tester");
                }
                WorkflowDb pooled;
                object kept;
                await using (var scope = provider.CreateAsyncScope())
                {
                    pooled = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
                    await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().StartAsync(new StartRequest("p"), "budi");
                    kept = pooled.Database.GetDbConnection();
                }
                await using (var scope = provider.CreateAsyncScope())
                {
                    var db = scope.ServiceProvider.GetRequiredService<WorkflowDb>();
                    Assert.Same(pooled, db);
                    Assert.NotSame(kept, db.Database.GetDbConnection());
                    // Its own connection again, EF's functions registered on it.
                    Assert.Equal(1, await db.Set<TaskRow>().CountAsync(t => Regex.IsMatch(t.TaskDefinitionKey, "^a$")));
                    Assert.Equal(System.Data.ConnectionState.Closed, db.Database.GetDbConnection().State);
                }
            }
        }
        finally
        {
            WorkflowSqlite.CloseIdleConnections(connectionString);
            EngineHarness.DeleteDatabase(path);
        }
    }
}
