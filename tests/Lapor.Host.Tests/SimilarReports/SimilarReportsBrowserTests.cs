using Lapor.Host.Tests.Hardening;
using Lapor.Host.Tests.Portal;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lapor.Host.Tests.SimilarReports;

/// <summary>A citizen on a phone types a title on /Laporan/Buat and is shown the open report about the same matter.</summary>
[Collection(PortalBrowser.Name)]
public sealed class SimilarReportsBrowserTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task TypingATitle_SuggestsTheOpenPublicReportAboutIt_NeverAConfidentialOne_AndTheFormStillSubmits()
    {
        await using var visitor = await host.NewVisitorAsync(width: 360, height: 800, phone: true);
        var watch = await PolicyWatch.OpenAsync(visitor);
        var page = watch.Page;
        await ReportForm.FillAsync(page, "", ReportForm.Wayan);
        await page.Locator("#Form_CategoryCode").SelectOptionAsync("jalan");
        var suggestions = page.Locator("#laporan-serupa");
        await Expect(suggestions).ToBeHiddenAsync();

        await page.Locator("#Form_Title").PressSequentiallyAsync("Lampu jalan mati di Ubud");

        await Expect(suggestions).ToBeVisibleAsync();
        var suggestion = suggestions.GetByRole(AriaRole.Link, new() { Name = "Lampu penerangan jalan mati di Jl. Raya Ubud" });
        await Expect(suggestion).ToBeVisibleAsync();
        await Expect(suggestion).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("^/Laporan/LPR-"));
        var follow = suggestions.Locator("li", new() { Has = page.GetByRole(AriaRole.Link, new() { Name = "Lampu penerangan jalan mati di Jl. Raya Ubud" }) }).GetByRole(AriaRole.Link, new() { Name = "Ikuti laporan ini" });
        await Expect(follow).ToHaveAttributeAsync("href", (await suggestion.GetAttributeAsync("href"))!);

        // The demo's confidential report is about an extra charge for a business permit: never suggested.
        await page.Locator("#Form_CategoryCode").SelectOptionAsync("perizinan");
        await page.Locator("#Form_Title").FillAsync("Pungutan di luar ketentuan izin usaha");
        await Expect(suggestions).ToBeHiddenAsync();
        await Expect(page.Locator("#laporan-serupa")).Not.ToContainTextAsync("pungutan");

        await page.Locator("#Form_Title").FillAsync("Lampu jalan mati di Ubud");
        await page.Locator("#Form_CategoryCode").SelectOptionAsync("jalan");
        await Expect(suggestions).ToBeVisibleAsync();
        await watch.AssertNoViolationAsync();
        // Waiting for the tracking code itself rather than the next page's load event: on a busy machine the latter
        // has been seen to miss its 30 s while the page was already shown.
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await Expect(page.Locator("[data-tracking-code]")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("LPR-"), new() { Timeout = 60_000 });
    }
}
