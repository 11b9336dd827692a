using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lapor.Host.Tests.Portal;

/// <summary>A guest reports, follows the report by its code, and mistakes come back as Indonesian per-field errors.</summary>
[Collection(PortalBrowser.Name)]
public sealed class SubmitAndTrackTests(PortalHost host) : IClassFixture<PortalHost>
{
    private const int PhoneWidth = 375;

    [Fact]
    public async Task GuestSubmitsComplaintWithPhoto_ThenTracksItByCode()
    {
        await using var visitor = await host.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await ReportForm.FillAsync(page, "Lampu jalan padam di depan Pasar Badung", ReportForm.Wayan);
        await page.Locator("#lampiran").SetInputFilesAsync(new FilePayload { Name = "lampu-padam.png", MimeType = "image/png", Buffer = SamplePng.Square() });

        var code = await ReportForm.SendAsync(page);

        Assert.Matches("^LPR-[2-9A-Z]{4}-[2-9A-Z]{4}-[2-9A-Z]{2}$", code);
        await Expect(page.Locator("main")).ToContainTextAsync("3 hari kerja");
        await page.GotoAsync("/Lacak");
        // Typed loosely, as people do: lower case, no dashes.
        await page.Locator("#kode").FillAsync(code.Replace("-", " ").ToLowerInvariant());
        await page.GetByRole(AriaRole.Button, new() { Name = "Lacak", Exact = true }).ClickAsync();
        await page.WaitForURLAsync($"**/Lacak/{code}");
        await Expect(page.Locator("#tahap-laporan")).ToHaveTextAsync("Menunggu verifikasi");
        await Expect(page.Locator("#lampiran-laporan")).ToContainTextAsync("lampu-padam.png");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("WITA");
    }

    [Fact]
    public async Task MissingTitle_IsRefusedWithIndonesianMessageAtTheField_AndKeepsTheText()
    {
        var before = await host.CountReportsAsync();
        await using var visitor = await host.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await ReportForm.FillAsync(page, "", ReportForm.Wayan);

        await ReportForm.SendExpectingErrorsAsync(page);

        await Expect(page.Locator("[data-error-for='Form.Title']")).ToHaveTextAsync("Judul wajib diisi.");
        await Expect(page.Locator("#ringkasan-kesalahan")).ToContainTextAsync("Judul wajib diisi.");
        await Expect(page.Locator("#Form_Title")).ToHaveClassAsync(new Regex("is-invalid"));
        await Expect(page.Locator("#Form_Description")).ToHaveValueAsync(new Regex("lampu jalan di depan pasar"));
        await Expect(page.Locator("#Form_Email")).ToHaveValueAsync(ReportForm.Wayan.Email);
        Assert.Equal(before, await host.CountReportsAsync());
    }

    [Fact]
    public async Task HtmlPageNamedJpg_IsRefusedAtTheAttachmentField_AndNothingIsStored()
    {
        var before = await host.CountReportsAsync();
        await using var visitor = await host.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        await ReportForm.FillAsync(page, "Pungutan liar di loket samsat", ReportForm.Wayan);
        await page.Locator("#lampiran").SetInputFilesAsync(new FilePayload
        {
            Name = "bukti.jpg",
            MimeType = "image/jpeg",
            Buffer = Encoding.UTF8.GetBytes("<!DOCTYPE html><html><body><script>alert('x')</script></body></html>"),
        });

        await ReportForm.SendExpectingErrorsAsync(page);

        await Expect(page.Locator("[data-error-for='Attachments']"))
            .ToHaveTextAsync("Lampiran \"bukti.jpg\": isi berkas bukan JPG seperti namanya. Unggah berkas JPG yang asli.");
        // The rest of the form was fine and is still there; only the file has to be chosen again.
        await Expect(page.Locator("#Form_Title")).ToHaveValueAsync("Pungutan liar di loket samsat");
        Assert.Equal(before, await host.CountReportsAsync());
    }

    [Fact]
    public async Task ScriptInTitle_IsRefused_NeverRuns_AndIsShownBackAsText()
    {
        var before = await host.CountReportsAsync();
        await using var visitor = await host.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) =>
        {
            dialogs++;
            _ = dialog.DismissAsync();
        };
        const string title = "<script>alert('lapor')</script>Jalan rusak";
        await ReportForm.FillAsync(page, title, ReportForm.Wayan);

        await ReportForm.SendExpectingErrorsAsync(page);

        await Expect(page.Locator("[data-error-for='Form.Title']")).ToHaveTextAsync("Judul tidak boleh berisi tag HTML atau kode skrip.");
        await Expect(page.Locator("#Form_Title")).ToHaveValueAsync(title);
        Assert.Equal(0, await page.Locator("main script").CountAsync());
        Assert.Equal(0, dialogs);
        Assert.Equal(before, await host.CountReportsAsync());
    }

    [Fact]
    public async Task OnAPhone_SubmitAndTrackPagesFitTheScreenWidth()
    {
        await using var phone = await host.NewVisitorAsync(PhoneWidth, 812, phone: true);
        var page = await phone.NewPageAsync();
        await page.GotoAsync("/Laporan/Buat");
        await AssertNoHorizontalScrollAsync(page);
        // For a person to look at (never committed): the first screen a phone shows, and the whole form.
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/lapor-portal-submit-phone.png" });
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/lapor-portal-submit-phone-full.png", FullPage = true });

        await ReportForm.FillAsync(page, "Antrean panjang di RSUD Bali Mandara karena sistem antrean daring sering gagal", ReportForm.Wayan);
        await page.Locator("#lampiran").SetInputFilesAsync(new FilePayload { Name = "antrean-pagi-hari-di-loket-pendaftaran.png", MimeType = "image/png", Buffer = SamplePng.Square() });
        var code = await ReportForm.SendAsync(page);
        await AssertNoHorizontalScrollAsync(page);

        await page.GotoAsync($"/Lacak/{code}");
        await Expect(page.Locator("#tahap-laporan")).ToHaveTextAsync("Menunggu verifikasi");
        await AssertNoHorizontalScrollAsync(page);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = "/tmp/lapor-portal-track-phone.png", FullPage = true });
    }

    // Against the phone's width itself: a mobile browser zooms out to fit wide content, which would widen innerWidth too.
    private static async Task AssertNoHorizontalScrollAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.body.scrollWidth]");
        Assert.True(widths.All(w => w <= PhoneWidth), $"{page.Url}: content is {widths[0]}/{widths[1]} px wide on a {PhoneWidth} px screen");
    }
}
