using Lapor.Workflows.Calendars;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Persistence.Sqlite;
using Lapor.Workflows.Runtime;
using Lapor.Workflows.Tests.Support;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Lapor.Workflows.Tests.Persistence;

/// <summary>
/// The engine's SQLite statements are compiled once per pooled connection and reused by later commands. EF's own
/// SQLite connection registers SQL functions on every open, which makes SQLite throw compiled statements away; the
/// engine's connection does not.
/// Runs alone: other test classes clear Microsoft.Data.Sqlite's connection pools when they delete their files, which
/// would close the pooled connection whose statements this class inspects.
/// </summary>
[Collection(nameof(KeptStatementsTests))]
public sealed class KeptStatementsTests : IDisposable
{
    private readonly string _path = EngineHarness.NewDatabasePath();

    [Fact]
    public async Task OnTheEnginesConnection_LaterCommandsReuseTheCompiledStatements()
    {
        var (statements, recompiled) = await RunInstancesAsync((o, cs) => o.UseWorkflowSqlite(cs));
        Assert.True(statements >= 10, $"only {statements} statements kept");
        Assert.Equal(0, recompiled);
    }

    [Fact]
    public async Task OnEfsDefaultConnection_EveryOpenMakesSqliteCompileThemAgain()
    {
        var (_, recompiled) = await RunInstancesAsync((o, cs) => o.UseSqlite(cs).ReplaceService<Microsoft.EntityFrameworkCore.Migrations.IMigrationsSqlGenerator, WorkflowSqliteSqlGenerator>());
        Assert.True(recompiled > 10, $"recompiled {recompiled} times");
    }

    /// <summary>Three instances run to their end through pooled connections, one DI scope per command as in the host.</summary>
    private async Task<(int Statements, long Recompiled)> RunInstancesAsync(Action<DbContextOptionsBuilder, string> useSqlite)
    {
        var connectionString = new SqliteConnectionStringBuilder { DataSource = _path, Pooling = true }.ToString();
        var services = new ServiceCollection();
        services.AddSingleton<TimeProvider>(TimeProvider.System);
        services.AddSingleton(BusinessCalendar.Plain(CalendarZones.Wita));
        services.AddSingleton(typeof(Microsoft.Extensions.Logging.ILogger<>), typeof(NullLogger<>));
        services.AddDbContext<WorkflowDb>(o => useSqlite(o, connectionString));
        services.AddWorkflowEngine<WorkflowDb>();
        await using var provider = services.BuildServiceProvider();
        async Task<T> InScope<T>(Func<IServiceProvider, Task<T>> work)
        {
            await using var scope = provider.CreateAsyncScope();
            return await work(scope.ServiceProvider);
        }

        await InScope(sp => sp.GetRequiredService<WorkflowDb>().Database.EnsureCreatedAsync());
        await InScope(sp => sp.GetRequiredService<Deployer>().DeployAsync(new DeploymentRequest("t", [new DeploymentResource("t.bpmn", Bpmn.Sequence("a", "b"))]), "admin"));
        for (var i = 0; i < 3; i++)
        {
            var id = (await InScope(sp => sp.GetRequiredService<WorkflowEngine>().StartAsync(new StartRequest("p"), "warga"))).Id;
            foreach (var _ in new[] { "a", "b" })
            {
                var task = await InScope(sp => sp.GetRequiredService<WorkflowDb>().Set<TaskRow>().Where(t => t.InstanceId == id).Select(t => t.Id).SingleAsync());
                await InScope(async sp =>
                {
                    await sp.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task, null, "budi");
                    return true;
                });
            }
        }
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        return SqliteStatements.KeptOn(connection);
    }

    public void Dispose() => EngineHarness.DeleteDatabase(_path);
}

[CollectionDefinition(nameof(KeptStatementsTests), DisableParallelization = true)]
public sealed class KeptStatementsCollection;
