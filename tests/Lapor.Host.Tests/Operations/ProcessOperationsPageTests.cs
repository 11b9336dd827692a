using System.Net;
using System.Text.Json;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Tests.Admin;
using Lapor.Host.Tests.Designer;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Migration;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Operations;

/// <summary>Running cases and migration pages under /Desain: coordinators and administrators only, and they do their job.</summary>
public sealed class ProcessOperationsPageTests(AdminHost host) : IClassFixture<AdminHost>
{
    private const string Cases = "/Desain/Proses/lapor-pengaduan/Kasus";

    [Theory]
    [InlineData("pelapor")]
    [InlineData("dinkes.petugas")]
    [InlineData("auditor")]
    public async Task ReporterOfficerAndAuditor_AreRefusedThePagesAndTheirCommands(string userName)
    {
        var id = await StartAsync("lapor-pengaduan", $"UJI-{userName}");
        using var user = await Browser.SignedInAsync(host, userName, Browser.DemoPassword);

        foreach (var url in new[] { Cases, "/Desain/Proses/lapor-pengaduan/Migrasi", "/Desain/Proses/lapor-pengaduan/Migrasi?handler=Progress&id=x" })
            AssertRefused(await user.Client.GetAsync(url), url);
        foreach (var handler in new[] { "Suspend", "Cancel" })
            AssertRefused(await user.PostFormAsync("/", $"{Cases}?handler={handler}", new() { ["instanceId"] = id, ["reason"] = "coba" }), handler);
        AssertRefused(await user.PostFormAsync("/", "/Desain/Proses/lapor-pengaduan/Migrasi?handler=Execute", new() { ["dari"] = "1", ["ke"] = "1" }), "execute");

        var instance = await InstanceAsync(id);
        Assert.False(instance.Suspended);
        Assert.Equal(InstanceStatus.Active, instance.Status);
    }

    [Fact]
    public async Task Visitor_IsSentToTheLoginForm()
    {
        using var visitor = Browser.Open(host);
        foreach (var url in new[] { Cases, "/Desain/Proses/lapor-pengaduan/Migrasi" })
        {
            var response = await visitor.Client.GetAsync(url);
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
            Assert.StartsWith("/Akun/Masuk", response.Headers.Location!.PathAndQuery);
        }
    }

    [Fact]
    public async Task Coordinator_SeesCasesPerVersionAndNode_AndSuspendsAndResumesWithAReason()
    {
        var id = await StartAsync("lapor-pengaduan", "UJI-OPS-1");
        var node = (await PositionsAsync(id))[0];
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        Assert.Contains("data-operations=\"lapor-pengaduan\"", await coordinator.Client.GetStringAsync("/Desain"));
        var list = await coordinator.Client.GetStringAsync(Cases);
        Assert.Contains($"data-instance=\"{id}\"", list);
        Assert.Contains($"data-node=\"{node}\"", list);
        Assert.Contains($"data-instance=\"{id}\"", await coordinator.Client.GetStringAsync($"{Cases}?versi=1&node={node}"));

        var noReason = await coordinator.PostFormAsync(Cases, $"{Cases}?handler=Suspend", new() { ["instanceId"] = id, ["reason"] = " " });
        Assert.Equal(HttpStatusCode.Redirect, noReason.StatusCode);
        Assert.Contains("Alasan wajib diisi", await coordinator.Client.GetStringAsync(noReason.Headers.Location!.OriginalString));
        Assert.False((await InstanceAsync(id)).Suspended);

        await coordinator.PostFormAsync(Cases, $"{Cases}?handler=Suspend", new() { ["instanceId"] = id, ["reason"] = "Menunggu klarifikasi" });
        Assert.True((await InstanceAsync(id)).Suspended);
        Assert.Contains($"data-instance=\"{id}\" data-suspended=\"true\"", await coordinator.Client.GetStringAsync(Cases));

        await coordinator.PostFormAsync(Cases, $"{Cases}?handler=Resume", new() { ["instanceId"] = id, ["reason"] = "" });
        Assert.False((await InstanceAsync(id)).Suspended);
    }

    [Fact]
    public async Task Coordinator_CancelsAReportsCase_WithAReason_AndTheReportIsClosed()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var open = await db.Reports.AsNoTracking().Where(r => r.Status == ReportStatus.Open).Select(r => r.TrackingCode).ToListAsync();
        var codes = open.Select(c => c.ToString()).ToList();
        var instance = await db.Set<ProcessInstanceRow>().AsNoTracking()
            .FirstAsync(i => i.Status == InstanceStatus.Active && i.BusinessKey != null && codes.Contains(i.BusinessKey));
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        await coordinator.PostFormAsync(Cases, $"{Cases}?handler=Cancel", new() { ["instanceId"] = instance.Id, ["reason"] = "" });
        Assert.Equal(InstanceStatus.Active, (await InstanceAsync(instance.Id)).Status);

        await coordinator.PostFormAsync(Cases, $"{Cases}?handler=Cancel", new() { ["instanceId"] = instance.Id, ["reason"] = "Laporan ganda" });
        Assert.Equal(InstanceStatus.ExternallyTerminated, (await InstanceAsync(instance.Id)).Status);
        await using var after = host.Services.CreateAsyncScope();
        var report = await after.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking()
            .SingleAsync(r => r.TrackingCode == open[codes.IndexOf(instance.BusinessKey!)]);
        Assert.Equal(ReportStatus.Closed, report.Status);
    }

    [Fact]
    public async Task MigrationDryRun_ListsACaseStartedOnTheOldVersion_AndTheBatchMovesIt()
    {
        const string key = "uji-migrasi";
        var v1 = await PublishAsync(DesignerModels.Review(key));
        var id = await StartAsync(key, "LPR-UJI-MIGRASI");
        var v2 = await PublishAsync(DesignerModels.Review(key, taskName: "Periksa ulang"));
        var page = $"/Desain/Proses/{key}/Migrasi";
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        var form = await coordinator.Client.GetStringAsync(page);
        Assert.Contains("id=\"dry-run\"", form);
        Assert.Contains("id=\"execute\"", form);
        Assert.Contains("<option value=\"periksa\" selected=\"selected\">", form);

        var fields = new Dictionary<string, string> { ["dari"] = "1", ["ke"] = "2", ["Map[periksa]"] = "periksa" };
        var dryRun = await coordinator.PostFormAsync(page, $"{page}?handler=DryRun", new(fields));
        var report = await dryRun.Content.ReadAsStringAsync();
        Assert.Contains($"data-instance=\"{id}\" data-can-move=\"true\"", report);
        Assert.Equal(v1.Id, (await InstanceAsync(id)).DefinitionId);

        var execute = await coordinator.PostFormAsync(page, $"{page}?handler=Execute", new(fields));
        Assert.Equal(HttpStatusCode.Redirect, execute.StatusCode);
        var location = execute.Headers.Location!.OriginalString;
        var batchId = Uri.UnescapeDataString(location[(location.IndexOf("batch=", StringComparison.Ordinal) + 6)..]);
        Assert.Contains("id=\"batch-progress\"", await coordinator.Client.GetStringAsync(location));

        JsonElement progress = default;
        for (var attempt = 0; attempt < 60; attempt++)
        {
            progress = JsonDocument.Parse(await coordinator.Client.GetStringAsync($"{page}?handler=Progress&id={Uri.EscapeDataString(batchId)}")).RootElement;
            if (progress.GetProperty("state").GetString() == "Completed")
                break;
            await Task.Delay(500);
        }
        Assert.Equal("Completed", progress.GetProperty("state").GetString());
        Assert.Equal(1, progress.GetProperty("done").GetInt32());
        Assert.Equal(0, progress.GetProperty("failed").GetInt32());
        Assert.Equal(v2.Id, (await InstanceAsync(id)).DefinitionId);
    }

    [Fact]
    public async Task Coordinator_MovesOnlyTheChosenCases_AndReadsPositionsAndReasonsInStepNames()
    {
        const string key = "uji-pilih";
        var v1 = await PublishAsync(DesignerModels.Chain(key, ["Verifikasi laporan", "Tindak lanjut"]));
        var first = await StartAsync(key, "LPR-PILIH-1");
        var second = await StartAsync(key, "LPR-PILIH-2");
        var third = await StartAsync(key, "LPR-PILIH-3");
        var ahead = await StartAsync(key, "LPR-PILIH-4");
        await CompleteAsync(ahead, "t0");
        // Version 2 no longer has "Tindak lanjut": the case waiting there cannot move.
        var v2 = await PublishAsync(DesignerModels.Chain(key, ["Verifikasi laporan"]));
        var page = $"/Desain/Proses/{key}/Migrasi";
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        var fields = new Dictionary<string, string> { ["dari"] = "1", ["ke"] = "2", ["Map[t0]"] = "t0" };

        var report = WebUtility.HtmlDecode(await (await coordinator.PostFormAsync(page, $"{page}?handler=DryRun", new(fields))).Content.ReadAsStringAsync());
        Assert.Matches($"data-instance=\"{first}\" data-can-move=\"true\" data-code=\"LPR-PILIH-1\"(?:(?!</tr>).)*Verifikasi laporan", report.ReplaceLineEndings(" "));
        Assert.Contains("menunggu di langkah „Tindak lanjut” yang belum dipetakan ke versi tujuan", report);
        Assert.DoesNotContain("which has no mapping", report);

        var none = await coordinator.PostFormAsync(page, $"{page}?handler=ExecuteSelected", new(fields));
        Assert.Contains("Pilih setidaknya satu kasus", WebUtility.HtmlDecode(await none.Content.ReadAsStringAsync()));

        var chosen = new List<KeyValuePair<string, string>>(fields) { new("kasus", first), new("kasus", third) };
        var execute = await coordinator.PostFormListAsync(page, $"{page}?handler=ExecuteSelected", chosen);
        Assert.Equal(HttpStatusCode.Redirect, execute.StatusCode);
        var one = await coordinator.PostFormListAsync(page, $"{page}?handler=ExecuteSelected",
            new List<KeyValuePair<string, string>>(fields) { new("satu", second), new("kasus", ahead) });
        Assert.Equal(HttpStatusCode.Redirect, one.StatusCode);

        await WaitForBatchesAsync(key);
        Assert.Equal(v2.Id, (await InstanceAsync(first)).DefinitionId);
        Assert.Equal(v2.Id, (await InstanceAsync(second)).DefinitionId);
        Assert.Equal(v2.Id, (await InstanceAsync(third)).DefinitionId);
        Assert.Equal(v1.Id, (await InstanceAsync(ahead)).DefinitionId);

        // A case chosen again after it moved is refused, in words.
        var again = await coordinator.PostFormListAsync(page, $"{page}?handler=ExecuteSelected", new List<KeyValuePair<string, string>>(fields) { new("kasus", first) });
        Assert.Contains("tidak lagi berjalan pada versi sumber", WebUtility.HtmlDecode(await again.Content.ReadAsStringAsync()));

        // "Move all" now finds only the case that cannot move; the batch says why, by report code and step name.
        var all = await coordinator.PostFormAsync(page, $"{page}?handler=Execute", new(fields));
        var location = all.Headers.Location!.OriginalString;
        var batchId = Uri.UnescapeDataString(location[(location.IndexOf("batch=", StringComparison.Ordinal) + 6)..]);
        await WaitForBatchesAsync(key);
        var progress = JsonDocument.Parse(await coordinator.Client.GetStringAsync($"{page}?handler=Progress&id={Uri.EscapeDataString(batchId)}")).RootElement;
        var failure = Assert.Single(progress.GetProperty("failures").EnumerateArray());
        Assert.Equal("LPR-PILIH-4", failure.GetProperty("code").GetString());
        Assert.Equal("menunggu di langkah „Tindak lanjut” yang belum dipetakan ke versi tujuan", failure.GetProperty("text").GetString());
        Assert.Contains("LPR-PILIH-4: menunggu di langkah „Tindak lanjut”", WebUtility.HtmlDecode(await coordinator.Client.GetStringAsync(location)));
    }

    private async Task CompleteAsync(string instanceId, string taskKey)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var task = await db.Set<TaskRow>().AsNoTracking().SingleAsync(t => t.InstanceId == instanceId && t.TaskDefinitionKey == taskKey);
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task.Id, null, "tester");
    }

    private async Task WaitForBatchesAsync(string key)
    {
        for (var attempt = 0; attempt < 120; attempt++)
        {
            await using var scope = host.Services.CreateAsyncScope();
            var batches = await scope.ServiceProvider.GetRequiredService<MigrationBatches>().ListAsync(key);
            if (batches.Count > 0 && batches.All(b => b.State == MigrationBatchState.Completed))
                return;
            await Task.Delay(500);
        }
        Assert.Fail("The migration batches did not complete.");
    }

    private async Task<string> StartAsync(string key, string businessKey)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var engine = scope.ServiceProvider.GetRequiredService<WorkflowEngine>();
        return (await engine.StartAsync(new StartRequest(key, businessKey, null), "tester")).Id;
    }

    private async Task<ProcessDefinitionRow> PublishAsync(string xml)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return (await scope.ServiceProvider.GetRequiredService<ProcessDesigns>().PublishAsync(xml, "uji", "koordinator")).Deployed[0];
    }

    private async Task<ProcessInstanceRow> InstanceAsync(string id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Set<ProcessInstanceRow>().AsNoTracking().SingleAsync(i => i.Id == id);
    }

    private async Task<List<string>> PositionsAsync(string id)
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Set<ExecutionRow>().AsNoTracking()
            .Where(e => e.InstanceId == id).Select(e => e.ActivityId).OrderBy(a => a).ToListAsync();
    }

    private static void AssertRefused(HttpResponseMessage response, string what)
    {
        if (response.StatusCode is HttpStatusCode.Forbidden or HttpStatusCode.NotFound)
            return;
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{what}: expected 403/404 or a redirect, got {(int)response.StatusCode}");
        var location = response.Headers.Location!.OriginalString;
        Assert.True(location.Contains("/Status/403", StringComparison.Ordinal) || location.Contains("/Akun/Masuk", StringComparison.Ordinal),
            $"{what}: redirected to {location}");
    }
}
