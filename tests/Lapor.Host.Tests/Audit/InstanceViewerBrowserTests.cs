using Lapor.Domain.Reports;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Portal;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.Audit;

/// <summary>An auditor opens a finished case in a real browser, sees the highlighted path and the journal, and exports it.</summary>
[Collection(PortalBrowser.Name)]
public sealed class InstanceViewerBrowserTests(AuditBrowserHost host) : IClassFixture<AuditBrowserHost>
{
    [Fact]
    public async Task Auditor_OpensAFinishedCase_SeesThePathAndJournal_AndExportsIt()
    {
        var code = await FinishedCaseAsync();
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Akun/Masuk");
        await page.Locator("#Form_UserName").FillAsync("auditor");
        await page.Locator("#Form_Password").FillAsync("Lapor#Demo2026");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Akun/Masuk", StringComparison.Ordinal));

        await page.GotoAsync("/Audit");
        await page.Locator("#open-case #kasus").FillAsync(code);
        await page.Locator("#open-case button[type=submit]").ClickAsync();
        await page.WaitForURLAsync($"**/Audit/Kasus/{code}");

        await page.Locator("#instance-diagram[data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });
        Assert.True(await page.Locator(".djs-element.lapor-done[data-element-id=verifikasi]").CountAsync() == 1);
        Assert.True(await page.Locator(".djs-element.lapor-done[data-element-id=tindakLanjut]").CountAsync() == 1);
        Assert.True(await page.Locator(".djs-connection.lapor-taken").CountAsync() >= 3);
        Assert.Equal(0, await page.Locator(".lapor-active").CountAsync());
        Assert.Equal(0, await page.Locator(".djs-element.lapor-done[data-element-id=eskalasi]").CountAsync());
        Assert.Equal("1/1/0", await page.Locator(".lapor-count[data-node=verifikasi]").TextContentAsync());
        Assert.True(await page.Locator("#journal tr[data-kind=TaskCompleted][data-node=verifikasi]").IsVisibleAsync());

        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#export-csv").ClickAsync());
        var path = await download.PathAsync();
        var csv = await File.ReadAllTextAsync(path!);
        Assert.Contains(code, csv);
        Assert.Contains(",engine,", csv);
        Assert.Contains("[disembunyikan]", csv);
        Assert.DoesNotContain("Gede Arsana", csv);
    }

    private async Task<string> FinishedCaseAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = "Antrean puskesmas terlalu lama", CategoryCode = "kesehatan",
            Description = "Pasien menunggu lebih dari empat jam tanpa kepastian jadwal pemeriksaan di loket.",
        };
        var report = (await services.GetRequiredService<ReportIntake>().SubmitAsync(draft, Reporter.Guest("Gede Arsana", "gede@example.com", null).Value!, [])).Report!;
        var code = report.TrackingCode.ToString();
        await CompleteAsync(services, report.ProcessInstanceId!, "verifikasi", new() { ["decision"] = TypedValue.From("verify"), ["agency"] = TypedValue.From("dinkes") }, "koordinator");
        await CompleteAsync(services, report.ProcessInstanceId!, "tindakLanjut", new() { ["outcome"] = TypedValue.From("respond"), ["response"] = TypedValue.From("Jadwal poli ditambah.") }, "dinkes.petugas");
        Assert.Empty(await services.GetRequiredService<ReporterActions>().ConfirmAsync(code, 5, null));
        return code;
    }

    private static async Task CompleteAsync(IServiceProvider services, string instanceId, string key, Dictionary<string, TypedValue> variables, string actor)
    {
        var db = services.GetRequiredService<Lapor.Host.Data.LaporDb>();
        var task = await db.Set<TaskRow>().Where(t => t.InstanceId == instanceId && t.TaskDefinitionKey == key).Select(t => t.Id).SingleAsync();
        await services.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task, variables, actor);
    }
}
