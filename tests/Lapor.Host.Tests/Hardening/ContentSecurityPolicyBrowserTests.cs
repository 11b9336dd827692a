using Lapor.Host.Data;
using Lapor.Host.Tests.Audit;
using Lapor.Host.Tests.Portal;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.Hardening;

/// <summary>Pages work in a real browser under the Content-Security-Policy, and the browser reports no violation.</summary>
[Collection(PortalBrowser.Name)]
public sealed class ContentSecurityPolicyBrowserTests(AuditBrowserHost host) : IClassFixture<AuditBrowserHost>
{
    // A demo report answered by the agency and rated by its reporter: its case has a long highlighted path.
    private const string RatedDemoReport = "Usul jalur sepeda terpisah di kawasan Renon";

    [Theory]
    [InlineData(null, "/")]
    [InlineData(null, "/Laporan/Buat")]
    [InlineData(null, "/Laporan")]
    [InlineData(null, "/Lacak")]
    [InlineData(null, "/Akun/Masuk")]
    [InlineData(null, "/Akun/Daftar")]
    [InlineData(null, "/tidak-ada-halaman-ini")]
    [InlineData("koordinator", "/Tugas")]
    [InlineData("koordinator", "/Notifikasi")]
    [InlineData("koordinator", "/Desain")]
    [InlineData("koordinator", "/Desain/Proses/lapor-pengaduan/Kasus")]
    [InlineData("auditor", "/Audit")]
    [InlineData("auditor", "/Audit/Integritas")]
    [InlineData("auditor", "/Audit/Ekspor")]
    public async Task Page_LoadsWithoutAnyPolicyViolation(string? user, string path)
    {
        await using var context = await host.NewContextAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        if (user is not null)
            await watch.SignInAsync(user);

        await watch.Page.GotoAsync(path);
        await watch.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await watch.AssertNoViolationAsync();
    }

    [Fact]
    public async Task ReportPages_ByTrackingCode_LoadWithoutAnyPolicyViolation()
    {
        var code = await DemoCodeAsync(RatedDemoReport);
        await using var context = await host.NewContextAsync();
        var watch = await PolicyWatch.OpenAsync(context);

        foreach (var path in new[] { $"/Lacak/{code}", $"/Laporan/{code}" })
        {
            var response = await watch.Page.GotoAsync(path);
            Assert.True(response!.Ok, $"{path} answered {response.Status}");
            await watch.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await watch.AssertNoViolationAsync();
        }
    }

    [Fact]
    public async Task SwitchingToEnglish_KeepsThePageFreeOfPolicyViolations()
    {
        await using var context = await host.NewContextAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        await watch.Page.GotoAsync("/Laporan/Buat");

        await watch.Page.Locator("form.language-switch button[data-lang=en]").ClickAsync();
        await Assertions.Expect(watch.Page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await watch.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await watch.AssertNoViolationAsync();
    }

    [Fact]
    public async Task Officer_OpensATaskFromTheInbox_WithoutAnyPolicyViolation()
    {
        await using var context = await host.NewContextAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        await watch.SignInAsync("koordinator");

        await watch.Page.GotoAsync("/Tugas");
        var taskId = await watch.Page.Locator("tr[data-task]").First.GetAttributeAsync("data-task");
        await watch.Page.GotoAsync($"/Tugas/{taskId}");
        if (await watch.Page.Locator("#klaim-tugas").CountAsync() > 0)
            await watch.Page.Locator("#klaim-tugas").ClickAsync();
        await watch.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // The task form is what task-form.js works on: it must be there for this to test anything.
        await Assertions.Expect(watch.Page.Locator("#formulir-tugas")).ToBeVisibleAsync();
        await watch.AssertNoViolationAsync();
    }

    [Fact]
    public async Task PerformanceDashboard_DrawsItsChart_WithoutAnyPolicyViolation()
    {
        await using var context = await host.NewContextAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        await watch.SignInAsync("auditor");

        await watch.Page.GotoAsync("/Audit/Kinerja");
        await watch.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Chart.js sizes the canvas with inline styles when it draws: a canvas without them was never drawn.
        Assert.NotEqual("", await watch.Page.Locator("#trend-chart").GetAttributeAsync("style") ?? "");
        await watch.AssertNoViolationAsync();
    }

    [Fact]
    public async Task CaseViewer_DrawsTheHighlightedPath_WithoutAnyPolicyViolation()
    {
        var code = await DemoCodeAsync(RatedDemoReport);
        await using var context = await host.NewContextAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        await watch.SignInAsync("auditor");

        await watch.Page.GotoAsync($"/Audit/Kasus/{code}");
        await watch.Page.Locator("#instance-diagram[data-ready=true]").WaitForAsync(new() { Timeout = 30_000 });

        // Drawn shapes, the path taken, and the per-node counts laid over the diagram as HTML overlays.
        Assert.True(await watch.Page.Locator("#instance-diagram .djs-element .djs-visual rect").CountAsync() >= 3);
        Assert.Equal(1, await watch.Page.Locator(".djs-element.lapor-done[data-element-id=tindakLanjut]").CountAsync());
        Assert.True(await watch.Page.Locator(".djs-connection.lapor-taken").CountAsync() >= 3);
        await Assertions.Expect(watch.Page.Locator(".lapor-count[data-node=verifikasi]")).ToBeVisibleAsync();
        await watch.AssertNoViolationAsync();
    }

    private async Task<string> DemoCodeAsync(string title)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Title == title);
        return report.TrackingCode.ToString();
    }
}
