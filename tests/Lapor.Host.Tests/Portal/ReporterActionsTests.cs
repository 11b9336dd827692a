using System.Text.Json;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lapor.Host.Tests.Portal;

/// <summary>
/// The holder of a tracking code answers what the process waits for. The demo data (on in <see cref="PortalHost"/>)
/// has a report on hold for more data and one answered by its agency; the tests find them through the public API.
/// </summary>
[Collection(PortalBrowser.Name)]
public sealed class ReporterActionsTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task ReportOnHold_ReporterSendsTheMissingData_AndItAppearsInTheHistory()
    {
        await using var visitor = await host.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        var code = await FirstCodeAtStageAsync(page, "Menunggu kelengkapan data dari pelapor");
        await page.GotoAsync($"/Lacak/{code}");
        Assert.Equal(0, await page.Locator("#form-konfirmasi").CountAsync());

        await page.Locator("#Reply_Text").FillAsync("Nomor KTP dan fotokopi KK sudah saya serahkan ke kantor desa pada 3 November.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim balasan" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Balasan Anda sudah dikirim.");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("Balasan pelapor");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("fotokopi KK sudah saya serahkan");
        await Expect(page.Locator("#form-balas")).ToHaveCountAsync(0);
    }

    [Fact]
    public async Task AnsweredReport_ReopenNeedsAReason_ThenTheReporterConfirmsWithFourStars()
    {
        await using var visitor = await host.NewVisitorAsync();
        var page = await visitor.NewPageAsync();
        var code = await FirstCodeAtStageAsync(page, "Sudah ditanggapi, menunggu konfirmasi pelapor");
        await page.GotoAsync($"/Lacak/{code}");

        // Answered, not closed: the page says it waits for the reporter, in the badge and above the choices.
        await Expect(page.Locator("[data-status='AwaitingConfirmation']")).ToHaveTextAsync("Menunggu konfirmasi Anda");
        await Expect(page.Locator("[data-status='Closed']")).ToHaveCountAsync(0);
        await Expect(page.Locator(".timeline")).Not.ToContainTextAsync("Laporan ditutup");
        await Expect(page.Locator("#menunggu-konfirmasi")).ToContainTextAsync("menunggu konfirmasi Anda");

        await page.GetByRole(AriaRole.Button, new() { Name = "Buka kembali" }).ClickAsync();
        await Expect(page.Locator("[data-error-for='Reopen.Reason']")).ToHaveTextAsync("Alasan wajib diisi.");

        await page.Locator("label[for='bintang-4']").ClickAsync();
        await page.Locator("#Confirm_Comment").FillAsync("Loket sekarang buka lebih pagi, terima kasih.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Konfirmasi selesai" }).ClickAsync();

        await Expect(page.GetByRole(AriaRole.Status)).ToHaveTextAsync("Terima kasih, konfirmasi Anda sudah dicatat.");
        await Expect(page.Locator(".timeline")).ToContainTextAsync("Pelapor memberi penilaian 4 dari 5.");
        await Expect(page.Locator(".report-facts")).ToContainTextAsync("(4 dari 5)");

        // Now closed: the panel says so (no promise of options to come) and the reporter reads their comment back.
        await Expect(page.Locator("[data-status='Closed']")).ToHaveTextAsync("Ditutup");
        await Expect(page.Locator("#tanpa-tindakan")).ToHaveTextAsync("Laporan sudah ditutup dan Anda sudah memberi penilaian. Terima kasih telah melapor.");
        await Expect(page.Locator("#penilaian-pelapor [data-rating-comment]")).ToHaveTextAsync("Loket sekarang buka lebih pagi, terima kasih.");
        await page.GotoAsync($"/Laporan/{code}");
        await Expect(page.Locator(".report-facts")).ToContainTextAsync("(4 dari 5)");
        await Expect(page.Locator("[data-rating-comment]")).ToHaveCountAsync(0);
    }

    private static async Task<string> FirstCodeAtStageAsync(IPage page, string stage)
    {
        var response = await page.APIRequest.GetAsync($"/api/reports?stage={Uri.EscapeDataString(stage)}");
        using var json = JsonDocument.Parse(await response.TextAsync());
        var items = json.RootElement.GetProperty("items");
        Assert.True(items.GetArrayLength() > 0, $"the demo data has no public report at stage '{stage}'");
        return items[0].GetProperty("trackingCode").GetString()!;
    }
}
