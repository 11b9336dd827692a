using Lapor.Domain.Reports;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Portal;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.Audit;

/// <summary>An auditor asks for a period's export in a real browser, watches it being prepared and downloads the file.</summary>
[Collection(PortalBrowser.Name)]
public sealed class PreparedExportBrowserTests(AuditBrowserHost host) : IClassFixture<AuditBrowserHost>
{
    [Fact]
    public async Task Auditor_AsksForAPeriod_TheProgressPageRefreshesItself_ThenOffersTheFile()
    {
        var code = await SubmitAsync();
        var year = TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync("/Akun/Masuk");
        await page.Locator("#Form_UserName").FillAsync("auditor");
        await page.Locator("#Form_Password").FillAsync("Lapor#Demo2026");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Akun/Masuk", StringComparison.Ordinal));

        await page.GotoAsync("/Audit/Ekspor");
        await page.Locator("#export-form #periode").FillAsync(year);
        await page.Locator("#export-form #format").SelectOptionAsync("csv");
        await page.Locator("#export-form button[type=submit]").ClickAsync();
        // The navigation only, not the page's load: the page reloads itself every two seconds, so on a machine busy
        // enough that loading takes longer, a wait for "load" could follow documents that are replaced before they finish
        // (it timed out once in CI, with the page already there).
        await page.WaitForURLAsync("**/Audit/Ekspor/Berkas/**", new() { WaitUntil = WaitUntilState.Commit });

        // No script: the page reloads itself until the file is ready, then shows the download.
        await page.Locator("#prepared-download").WaitForAsync(new() { Timeout = 60_000 });
        Assert.Equal("Ready", await page.Locator("#prepared-export").GetAttributeAsync("data-state"));
        var download = await page.RunAndWaitForDownloadAsync(() => page.Locator("#prepared-download").ClickAsync());
        Assert.Equal($"lapor-period-{year}.csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync((await download.PathAsync())!);
        Assert.Contains(code, csv);
        Assert.DoesNotContain("Made Wirya Santika", csv);
    }

    private async Task<string> SubmitAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var draft = new ReportDraft
        {
            Type = ReportType.Complaint, Title = "Saluran air tersumbat di pasar", CategoryCode = "kesehatan",
            Description = "Saluran air di belakang pasar tersumbat sampah sejak seminggu dan baunya mengganggu pedagang.",
        };
        var intake = await scope.ServiceProvider.GetRequiredService<ReportIntake>()
            .SubmitAsync(draft, Reporter.Guest("Made Wirya Santika", "made.wirya@example.com", null).Value!, []);
        return intake.Report!.TrackingCode.ToString();
    }
}
