using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lapor.Host.Tests.Portal;

/// <summary>Bahasa Indonesia first, English on request; a registered reporter finds their reports under "Laporan saya".</summary>
[Collection(PortalBrowser.Name)]
public sealed class LanguageAndAccountTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task SwitchingToEnglish_ShowsEnglishLabelsAndMessages_AndSwitchingBackRestoresIndonesian()
    {
        await using var visitor = await host.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/Laporan/Buat");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.Locator("label[for='Form_Title']")).ToContainTextAsync("Judul");

        await SwitchLanguageAsync(page, "EN");

        // Back on the same page, now in English.
        Assert.EndsWith("/Laporan/Buat", new Uri(page.Url).AbsolutePath);
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Expect(page.Locator("label[for='Form_Title']")).ToContainTextAsync("Title");
        await Expect(page.Locator("label[for='jenis-InformationRequest']")).ToHaveTextAsync("Information request");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Track a report" })).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send report" }).ClickAsync();
        await Expect(page.Locator("[data-error-for='Form.Title']")).ToHaveTextAsync("Title is required.");

        await SwitchLanguageAsync(page, "ID");
        await Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "id");
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "Lacak laporan" })).ToBeVisibleAsync();
    }

    [Fact]
    public async Task RegisteredReporter_SubmitsWithoutContactFields_AndFindsTheReportUnderMyReports()
    {
        await using var visitor = await host.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/Akun/Daftar");
        await page.Locator("#Form_Name").FillAsync("Komang Ayu Lestari");
        await page.Locator("#Form_Email").FillAsync("komang.ayu@contoh.id");
        await page.Locator("#Form_Password").FillAsync("pendek");
        await page.Locator("#Form_ConfirmPassword").FillAsync("pendek");
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftar", Exact = true }).ClickAsync();
        await Expect(page.Locator("[data-error-for='Form.Password']")).ToContainTextAsync("Kata sandi paling sedikit 10 karakter.");

        await page.Locator("#Form_Password").FillAsync("Denpasar#2026");
        await page.Locator("#Form_ConfirmPassword").FillAsync("Denpasar#2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Daftar", Exact = true }).ClickAsync();
        await page.WaitForURLAsync("**/Saya/Laporan");

        await page.GotoAsync("/Laporan/Buat");
        Assert.Equal(0, await page.Locator("#Form_Name").CountAsync());
        await page.Locator("#Form_Title").FillAsync("Trotoar rusak di Jl. Teuku Umar");
        await page.Locator("#Form_Description").FillAsync("Paving trotoar terlepas sepanjang 20 meter dan membahayakan pejalan kaki.");
        await page.Locator("#Form_CategoryCode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        var code = await ReportForm.SendAsync(page);

        await page.GotoAsync("/Saya/Laporan");
        await Expect(page.Locator($"[data-code='{code}']")).ToContainTextAsync("Trotoar rusak di Jl. Teuku Umar");
    }

    private static async Task SwitchLanguageAsync(IPage page, string button)
    {
        // The switch sits in the menu, which is open on wide screens.
        await page.Locator($".language-switch button:text-is('{button}')").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }
}
