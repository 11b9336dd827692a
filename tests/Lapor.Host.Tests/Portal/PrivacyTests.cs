using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lapor.Host.Tests.Portal;

/// <summary>Anonymous reporters are never named in public; confidential reports are for their reporter's code only.</summary>
[Collection(PortalBrowser.Name)]
public sealed class PrivacyTests(PortalHost host) : IClassFixture<PortalHost>
{
    private static readonly ReportForm.Guest Sekar = new("Ni Luh Putu Sekarini", "sekarini.pelapor@contoh.id", "0813 9876 5432");

    [Fact]
    public async Task AnonymousReport_PublicPageListAndSearchNeverShowTheReportersNameOrContact()
    {
        await using var visitor = await host.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        var code = await ReportForm.SubmitAsync(page, "Guru honorer belum menerima gaji tiga bulan", Sekar, anonymous: true);

        await page.GotoAsync($"/Laporan/{code}");
        await Expect(page.Locator("[data-reporter]")).ToHaveTextAsync("Anonim");
        await AssertNoIdentityAsync(page);

        await page.GotoAsync("/Laporan");
        await Expect(page.Locator($"[data-code='{code}'] [data-reporter]")).ToHaveTextAsync("Anonim");
        await AssertNoIdentityAsync(page);

        await page.GotoAsync("/Laporan?q=guru+honorer");
        await Expect(page.Locator($"[data-code='{code}']")).ToBeVisibleAsync();
        await AssertNoIdentityAsync(page);

        await page.GotoAsync("/");
        await AssertNoIdentityAsync(page);

        // Even the code holder's page shows the public name: it may be open on a shared screen.
        await page.GotoAsync($"/Lacak/{code}");
        await Expect(page.Locator("[data-reporter]")).ToHaveTextAsync("Anonim");
        await AssertNoIdentityAsync(page);
    }

    [Fact]
    public async Task ConfidentialReport_IsAbsentFromListSearchAndApi_ItsPublicPageIs404_ButTrackingWorks()
    {
        await using var visitor = await host.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        const string title = "Dugaan pungli perizinan rahasia Kelurahan Sesetan";
        var code = await ReportForm.SubmitAsync(page, title, Sekar, confidential: true);

        await page.GotoAsync("/Laporan");
        Assert.DoesNotContain(title, await page.ContentAsync());
        Assert.DoesNotContain(code, await page.ContentAsync());

        await page.GotoAsync("/Laporan?q=pungli+perizinan");
        await Expect(page.Locator("#jumlah-hasil")).ToHaveTextAsync("0 laporan");
        Assert.DoesNotContain(title, await page.ContentAsync());

        var api = await page.APIRequest.GetAsync("/api/reports?q=pungli%20perizinan");
        Assert.Contains("\"total\":0", await api.TextAsync());

        var publicPage = await page.GotoAsync($"/Laporan/{code}");
        Assert.Equal(404, publicPage!.Status);
        Assert.DoesNotContain(title, await page.ContentAsync());
        var unknown = await page.GotoAsync("/Laporan/LPR-2222-2222-22");
        Assert.Equal(404, unknown!.Status);

        var tracked = await page.GotoAsync($"/Lacak/{code}");
        Assert.Equal(200, tracked!.Status);
        await Expect(page.Locator("h1")).ToHaveTextAsync(title);
        await Expect(page.Locator("#tahap-laporan")).ToHaveTextAsync("Menunggu verifikasi");
    }

    private static async Task AssertNoIdentityAsync(IPage page)
    {
        var html = await page.ContentAsync();
        Assert.DoesNotContain(Sekar.Name, html);
        Assert.DoesNotContain("Sekarini", html);
        Assert.DoesNotContain(Sekar.Email, html);
        Assert.DoesNotContain("9876", html);
    }
}
