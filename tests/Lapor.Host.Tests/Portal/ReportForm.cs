using Microsoft.Playwright;

namespace Lapor.Host.Tests.Portal;

/// <summary>Fills the submit page the way a guest does; each test then changes what it is about.</summary>
public static class ReportForm
{
    public sealed record Guest(string Name, string Email, string? Phone = null);

    public static readonly Guest Wayan = new("I Wayan Sudarma", "wayan.sudarma@contoh.id", "0812 3456 7890");

    public static async Task FillAsync(IPage page, string title, Guest guest, bool anonymous = false, bool confidential = false)
    {
        await page.GotoAsync("/Laporan/Buat");
        await page.Locator("#jenis-Complaint").CheckAsync();
        await page.Locator("#Form_Title").FillAsync(title);
        await page.Locator("#Form_Description").FillAsync(
            "Sejak awal bulan lampu jalan di depan pasar padam setiap malam.\nSudah dua kali dilaporkan ke kelurahan tanpa tindak lanjut.");
        await page.Locator("#Form_IncidentDate").FillAsync("2026-01-12");
        await page.Locator("#Form_Location").FillAsync("Jl. Gatot Subroto Barat, Denpasar");
        // The first real category after the "choose" placeholder.
        await page.Locator("#Form_CategoryCode").SelectOptionAsync(new SelectOptionValue { Index = 1 });
        if (anonymous)
            await page.Locator("#Form_IsAnonymous").CheckAsync();
        if (confidential)
            await page.Locator("#Form_IsConfidential").CheckAsync();
        await page.Locator("#Form_Name").FillAsync(guest.Name);
        await page.Locator("#Form_Email").FillAsync(guest.Email);
        if (guest.Phone is not null)
            await page.Locator("#Form_Phone").FillAsync(guest.Phone);
    }

    /// <summary>Sends the form and expects the confirmation page; returns the tracking code shown there.</summary>
    public static async Task<string> SendAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.WaitForURLAsync("**/Laporan/Terkirim/**");
        return (await page.Locator("[data-tracking-code]").InnerTextAsync()).Trim();
    }

    /// <summary>Sends the form and expects it back with errors (no redirect).</summary>
    public static async Task SendExpectingErrorsAsync(IPage page)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = "Kirim laporan" }).ClickAsync();
        await page.Locator("#ringkasan-kesalahan").WaitForAsync();
        Assert.EndsWith("/Laporan/Buat", new Uri(page.Url).AbsolutePath);
    }

    public static async Task<string> SubmitAsync(IPage page, string title, Guest guest, bool anonymous = false, bool confidential = false)
    {
        await FillAsync(page, title, guest, anonymous, confidential);
        return await SendAsync(page);
    }
}
