using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Host.Audit;
using Lapor.Host.Data;
using Lapor.Host.Data.Schema;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Support;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static Lapor.Host.Tests.Support.EngineRestCalls;

namespace Lapor.Host.Tests.Upgrade;

/// <summary>
/// The current host started on the data folder release 1 left (schema made by EnsureCreated, reports in several
/// stages, open tasks, an overdue timer, hash-chained history): the database is baselined, not recreated, and every
/// part of it keeps working.
/// </summary>
public sealed class ReleaseOneUpgradeTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(45);

    [Fact]
    public async Task AReleaseOneDataFolder_StartsOnTheNewHost_AndEveryReportTracksCompletesAndVerifies()
    {
        var folder = ReleaseOneFolder.Copy();
        var file = Path.Combine(folder, "lapor.db");
        var codes = ReleaseOneFolder.Strings(file, "SELECT TrackingCode FROM report ORDER BY TrackingCode");
        var stages = ReleaseOneFolder.Strings(file, "SELECT Stage FROM report ORDER BY TrackingCode");
        var historyRows = int.Parse(ReleaseOneFolder.Strings(file, "SELECT count(*) FROM wf_history_event")[0]);
        var storedFiles = ReleaseOneFolder.Strings(file, "SELECT StoredName FROM report_attachment");
        Assert.True(codes.Count >= 10 && storedFiles.Count == 2, "the fixture must hold the reports and attachments its README lists");
        try
        {
            await using var host = LaporHostFactory.On(folder);
            var anonymous = new HttpClient { BaseAddress = host.BaseAddress };

            // Baselined: release 1's migration recorded, nothing recreated, every history row still there.
            Assert.Equal("Release1", ReleaseOneFolder.Strings(file, "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId")[0][15..]);
            Assert.True(int.Parse(ReleaseOneFolder.Strings(file, "SELECT count(*) FROM wf_history_event")[0]) >= historyRows);

            // Every tracking code still tracks, at the stage it had.
            for (var i = 0; i < codes.Count; i++)
            {
                var tracked = await anonymous.GetFromJsonAsync<JsonElement>($"/api/reports/track/{codes[i]}");
                Assert.Equal(stages[i], tracked.GetProperty("stage").GetString());
            }

            // The attachments release 1 stored are still served from where it put them.
            using (var scope = host.Services.CreateScope())
            {
                var store = scope.ServiceProvider.GetRequiredService<IAttachmentStore>();
                foreach (var name in storedFiles)
                {
                    await using var content = await store.OpenAsync(name);
                    Assert.True(content is not null && content.ReadByte() >= 0, $"attachment {name} is missing after the upgrade");
                }
            }

            // The timer release 1 left overdue fires once the new host runs: the interrupting escalation replaces the task.
            var timerInstance = ReleaseOneFolder.Strings(file, "SELECT Id FROM wf_process_instance WHERE BusinessKey = 'LPR-R1-TIMER'").Single();
            var clock = Stopwatch.StartNew();
            while (!(await host.Admin.GetJsonAsync($"task?processInstanceId={timerInstance}")).Strings("taskDefinitionKey").Contains("Task_EskalasiInspektorat"))
            {
                Assert.True(clock.Elapsed < Bound, "release 1's overdue timer did not fire after the upgrade");
                await Task.Delay(250);
            }

            // Release 1's running instances got their report's category (migration TaskCategories), so their tasks, and the
            // escalation the new host just made, are found by the inbox's category filter, each under its report's.
            using (var scope = host.Services.CreateScope())
            {
                var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
                var open = await db.Set<TaskRow>().Join(db.Reports, t => t.InstanceId, r => r.ProcessInstanceId, (t, r) => new { t.Id, r.CategoryCode })
                    .ToListAsync();
                Assert.True(open.Count >= 2, "the fixture must leave tasks open");
                var tasks = scope.ServiceProvider.GetRequiredService<TaskQuery>();
                foreach (var category in open.GroupBy(t => t.CategoryCode))
                    Assert.Equal(category.Select(t => t.Id).Order(), (await tasks.Open().InCategory(category.Key).PageAsync(0, 100)).Select(t => t.Id).Order());
                var ofReports = open.Select(t => t.Id).ToList();
                Assert.DoesNotContain(await db.Set<TaskCandidateRow>().Where(c => ofReports.Contains(c.TaskId)).Select(c => c.Category).ToListAsync(), c => c is null);
                // Migration CandidatesInDueOrder gave every candidate its task's dates, which the officer's page orders by.
                var undated = await db.Set<TaskCandidateRow>().Join(db.Set<TaskRow>(), c => c.TaskId, t => t.Id, (c, t) => new { c, t })
                    .Where(x => x.c.Due != x.t.Due || x.c.CreatedAt != x.t.CreatedAt).Select(x => x.t.Id).ToListAsync();
                Assert.Empty(undated);
                Assert.True(await db.Set<TaskCandidateRow>().CountAsync(c => c.Due != null) >= 1, "the fixture must leave a task with a due date offered to a group");
            }

            // Open tasks complete: every report waiting for verification is verified, every agency task answered.
            await CompleteAllAsync(host, "verifikasi", new() { ["decision"] = "verify", ["agency"] = "dinkes" });
            await CompleteAllAsync(host, "tindakLanjut", new() { ["outcome"] = "respond", ["response"] = "Sudah ditangani setelah pembaruan." });
            foreach (var code in codes)
            {
                var tracked = await anonymous.GetFromJsonAsync<JsonElement>($"/api/reports/track/{code}");
                Assert.NotEqual("Menunggu verifikasi", tracked.GetProperty("stage").GetString());
            }

            // New reports are accepted next to the old ones.
            using var submitted = await anonymous.PostAsJsonAsync("/api/reports", new
            {
                type = "Complaint", title = "Lampu lalu lintas mati di Simpang Enam", categoryCode = "jalan",
                description = "Lampu lalu lintas padam sejak pagi dan kendaraan saling serobot.",
                reporter = new { name = "Wayan Sudira", email = "wayan.sudira@example.com" },
            });
            Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);

            // And the whole history, release 1's rows and the new ones, still verifies.
            var output = new StringWriter();
            Assert.True(await VerifyHistoryCommand.RunAsync(host.Services, [VerifyHistoryCommand.Verb], output) == 0, output.ToString());

            // A second start (or `migrate`) finds nothing left to do.
            using (var scope = host.Services.CreateScope())
                Assert.Empty(await scope.ServiceProvider.GetRequiredService<DatabaseSchema>().MigrateAsync());
        }
        finally
        {
            LaporHostFactory.DeleteDirectory(folder);
        }
    }

    private static async Task CompleteAllAsync(LaporHostFactory host, string taskKey, Dictionary<string, object?> variables)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var tasks = await db.Set<TaskRow>().Where(t => t.TaskDefinitionKey == taskKey).Select(t => t.Id).ToListAsync();
        Assert.NotEmpty(tasks);
        foreach (var id in tasks)
        {
            using var command = host.Services.CreateScope();
            await command.ServiceProvider.GetRequiredService<WorkflowEngine>()
                .CompleteTaskAsync(id, variables.ToDictionary(v => v.Key, v => TypedValue.From(v.Value)), "inspektorat.upgrade");
        }
    }
}
