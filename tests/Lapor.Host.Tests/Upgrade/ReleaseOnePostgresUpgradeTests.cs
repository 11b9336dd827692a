using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Host.Tests.Support;
using Npgsql;

namespace Lapor.Host.Tests.Upgrade;

/// <summary>
/// The current host, as a real process, on a PostgreSQL database release 1 made with EnsureCreated (restored from
/// Upgrade/Release1/postgres.sql): baselined, not recreated, and its reports, tasks and overdue timer keep working.
/// </summary>
public sealed class ReleaseOnePostgresUpgradeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task AReleaseOnePostgresDatabase_IsBaselined_AndEveryReportTracks_AndItsOverdueTimerFires()
    {
        await using var server = new PostgresServer();
        await server.StartAsync();
        var connection = await server.NewDatabaseAsync();
        var database = new NpgsqlConnectionStringBuilder(connection).Database!;
        await server.RunSqlFileAsync(database, Path.Combine(ReleaseOneFolder.Source, "postgres.sql"));
        var codes = await StringsAsync(server.ConnectionStringFor(database, pooling: false), "SELECT \"TrackingCode\" FROM report ORDER BY 1");
        var stages = await StringsAsync(server.ConnectionStringFor(database, pooling: false), "SELECT \"Stage\" FROM report ORDER BY \"TrackingCode\"");
        var timerInstance = (await StringsAsync(server.ConnectionStringFor(database, pooling: false),
            "SELECT \"Id\" FROM wf_process_instance WHERE \"BusinessKey\" = 'LPR-R1-TIMER'")).Single();
        Assert.True(codes.Count >= 8, "the dump must hold the demo reports and the one submitted through the API");
        // Release 1 closed a report on the answer while its process still waited for the reporter.
        const string closedWhileWaiting = "SELECT r.\"TrackingCode\" FROM report r JOIN wf_process_instance i ON i.\"Id\" = r.\"ProcessInstanceId\" " +
                                          "WHERE r.\"Status\" = 'Closed' AND i.\"Status\" = 'Active'";
        var waiting = await StringsAsync(server.ConnectionStringFor(database, pooling: false), closedWhileWaiting);
        var ended = await StringsAsync(server.ConnectionStringFor(database, pooling: false),
            "SELECT \"TrackingCode\" FROM report WHERE \"Status\" = 'Closed' AND \"TrackingCode\" NOT IN (" + closedWhileWaiting + ")");
        Assert.True(waiting.Count > 0 && ended.Count > 0, "the dump must hold an answered report and a finished one");

        await using var host = await HostProcess.StartAsync("release1-pg", connection);
        var applied = await StringsAsync(server.ConnectionStringFor(database, pooling: false), "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY 1");
        Assert.EndsWith("_Release1", applied[0]);

        using var anonymous = new HttpClient { BaseAddress = host.BaseAddress };
        for (var i = 0; i < codes.Count; i++)
            Assert.Equal(stages[i], (await anonymous.GetFromJsonAsync<JsonElement>($"/api/reports/track/{codes[i]}")).GetProperty("stage").GetString());
        foreach (var code in waiting)
        {
            var tracked = await anonymous.GetFromJsonAsync<JsonElement>($"/api/reports/track/{code}");
            Assert.Equal("AwaitingConfirmation", tracked.GetProperty("status").GetString());
            Assert.Equal(JsonValueKind.Null, tracked.GetProperty("closedAt").ValueKind);
            Assert.DoesNotContain(tracked.GetProperty("timeline").EnumerateArray(), t => t.GetProperty("kind").GetString() == "Closed");
        }
        foreach (var code in ended)
            Assert.Equal("Closed", (await anonymous.GetFromJsonAsync<JsonElement>($"/api/reports/track/{code}")).GetProperty("status").GetString());

        var clock = Stopwatch.StartNew();
        while (!(await host.Admin.GetFromJsonAsync<JsonElement>($"task?processInstanceId={timerInstance}")).EnumerateArray()
                   .Any(t => t.GetProperty("taskDefinitionKey").GetString() == "Task_EskalasiInspektorat"))
        {
            Assert.True(clock.Elapsed < Bound, "release 1's overdue timer did not fire after the upgrade:\n" + host.RecentLog);
            await Task.Delay(250);
        }

        // Migration TaskCategories filled the running instances' tasks and candidates with their report's category.
        var uncategorised = await StringsAsync(server.ConnectionStringFor(database, pooling: false),
            "SELECT t.\"Id\" FROM wf_task t JOIN report r ON r.\"ProcessInstanceId\" = t.\"InstanceId\" " +
            "WHERE t.\"Category\" IS DISTINCT FROM r.\"CategoryCode\" OR EXISTS (SELECT 1 FROM wf_task_candidate c " +
            "WHERE c.\"TaskId\" = t.\"Id\" AND c.\"Category\" IS DISTINCT FROM r.\"CategoryCode\")");
        Assert.Empty(uncategorised);
        // Migration CandidatesInDueOrder gave every candidate its task's dates, which the officer's page orders by.
        Assert.Empty(await StringsAsync(server.ConnectionStringFor(database, pooling: false),
            "SELECT t.\"Id\" FROM wf_task t JOIN wf_task_candidate c ON c.\"TaskId\" = t.\"Id\" " +
            "WHERE c.\"Due\" IS DISTINCT FROM t.\"Due\" OR c.\"CreatedAt\" <> t.\"CreatedAt\""));
        Assert.NotEmpty(await StringsAsync(server.ConnectionStringFor(database, pooling: false),
            "SELECT c.\"TaskId\" FROM wf_task_candidate c WHERE c.\"Due\" IS NOT NULL"));
        Assert.NotEmpty(await StringsAsync(server.ConnectionStringFor(database, pooling: false),
            "SELECT t.\"Id\" FROM wf_task t JOIN report r ON r.\"ProcessInstanceId\" = t.\"InstanceId\""));

        using var submitted = await anonymous.PostAsJsonAsync("/api/reports", new
        {
            type = "Complaint", title = "Jembatan kayu di Tukad Ayung lapuk", categoryCode = "jalan",
            description = "Papan jembatan penyeberangan banyak yang patah dan berbahaya bagi anak sekolah.",
            reporter = new { name = "Nyoman Karta", email = "nyoman.karta@example.com" },
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
    }

    private static async Task<List<string>> StringsAsync(string connection, string sql)
    {
        await using var db = new NpgsqlConnection(connection);
        await db.OpenAsync();
        await using var command = new NpgsqlCommand(sql, db);
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<string>();
        while (await reader.ReadAsync())
            values.Add(reader.GetString(0));
        return values;
    }
}
