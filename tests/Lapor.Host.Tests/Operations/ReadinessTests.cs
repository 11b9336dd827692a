using System.Net;
using Lapor.Host.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Lapor.Host.Tests.Operations;

/// <summary>Readiness turns 503 when what the service needs really breaks; liveness stays 200. Each test breaks its own host.</summary>
public sealed class ReadinessTests
{
    [Fact]
    public async Task SchedulerInStandbyOrShutDown_MakesReadyUnhealthy_WhileLiveStaysHealthy()
    {
        await using var host = new OperationsHost();
        var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(client, "health/ready")).Status);
        var scheduler = await host.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();

        await scheduler.Standby();
        await AssertSchedulerUnhealthyAsync(client, "standby");
        await scheduler.Start();
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(client, "health/ready")).Status);

        // Quartz hands out no scheduler once it is shut down: the check cannot even ask it.
        await scheduler.Shutdown(waitForJobsToComplete: true);
        await AssertSchedulerUnhealthyAsync(client, "unavailable");
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(client, "health/live")).Status);
    }

    private static async Task AssertSchedulerUnhealthyAsync(HttpClient client, string description)
    {
        var (status, body) = await HealthAnswer.GetAsync(client, "health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        Assert.Equal("Unhealthy", body.GetProperty("status").GetString());
        var scheduler = HealthAnswer.Check(body, "scheduler");
        Assert.Equal("Unhealthy", scheduler.GetProperty("status").GetString());
        Assert.Equal(description, scheduler.GetProperty("description").GetString());
        Assert.Equal("Healthy", HealthAnswer.Check(body, "database").GetProperty("status").GetString());
    }

    [Fact]
    public async Task DatabaseGone_MakesReadyUnhealthy_WithoutSayingWhyInTheBody()
    {
        await using var host = new OperationsHost();
        var client = host.Client();
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(client, "health/ready")).Status);

        // A folder where the database file was: no connection can open it, and nothing can create the file again.
        string file;
        using (var scope = host.Services.CreateScope())
        {
            var connection = (SqliteConnection)scope.ServiceProvider.GetRequiredService<LaporDb>().Database.GetDbConnection();
            file = new SqliteConnectionStringBuilder(connection.ConnectionString).DataSource;
            SqliteConnection.ClearPool(connection);
        }
        foreach (var suffix in new[] { "", "-wal", "-shm" })
            File.Delete(file + suffix);
        Directory.CreateDirectory(file);

        var (status, body) = await HealthAnswer.GetAsync(client, "health/ready");
        Assert.Equal(HttpStatusCode.ServiceUnavailable, status);
        var database = HealthAnswer.Check(body, "database");
        Assert.Equal("Unhealthy", database.GetProperty("status").GetString());
        Assert.Equal("unreachable", database.GetProperty("description").GetString());
        Assert.DoesNotContain("Exception", body.GetRawText());
        Assert.DoesNotContain(file, body.GetRawText());
        Assert.Equal(HttpStatusCode.OK, (await HealthAnswer.GetAsync(client, "health/live")).Status);
    }
}
