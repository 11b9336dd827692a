using System.Text.Json;
using Lapor.Host.Tests.Portal;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lapor.Host.Tests.Tasks;

/// <summary>
/// The officer's day in a real browser: sign in, open the agency's response task from the inbox, claim it, answer
/// with a public response; the reporter then reads the answer on the tracking page, and the engine's history names
/// who claimed and completed the task and when.
/// </summary>
[Collection(PortalBrowser.Name)]
public sealed class OfficerRespondsInBrowserTests(PortalHost host) : IClassFixture<PortalHost>
{
    private const string Answer = "Lubang sudah ditambal oleh tim UPTD pada hari ini.";

    [Fact]
    public async Task LiaisonOfficer_ClaimsAndAnswers_ReporterSeesIt_HistoryShowsWhoAndWhen()
    {
        await using var officer = await host.NewVisitorAsync();
        var page = await SignedInAsync(officer, "puprkim.petugas");

        await page.GotoAsync("/Tugas");
        var row = page.Locator("tr[data-task]").Filter(new() { HasText = "Tindak lanjut laporan" }).First;
        await row.GetByRole(AriaRole.Link, new() { Name = "Buka" }).ClickAsync();
        await Expect(page.Locator("#nama-tugas")).ToHaveTextAsync("Tindak lanjut laporan");
        var code = (await page.Locator(".font-monospace").First.TextContentAsync())!.Trim();
        var taskUrl = page.Url;

        await page.Locator("#klaim-tugas").ClickAsync();
        await Expect(page.Locator("[data-assignee]")).ToContainTextAsync("puprkim.petugas");
        await Expect(page.Locator("#riwayat-tugas li[data-operation='Claim'] [data-actor]")).ToHaveTextAsync("puprkim.petugas");

        // The response form: the answer field belongs to the "respond" choice; the forward fields hide.
        await page.Locator("#f_outcome_forward").CheckAsync();
        await Expect(page.Locator("#f_forwardReason")).ToBeVisibleAsync();
        await Expect(page.Locator("#f_response")).ToBeHiddenAsync();
        await page.Locator("#f_outcome_respond").CheckAsync();
        await Expect(page.Locator("[data-field='forwardReason']")).ToBeHiddenAsync();
        await page.Locator("#f_response").FillAsync(Answer);
        await page.Locator("#selesaikan-tugas").ClickAsync();
        await Expect(page.Locator(".alert").Filter(new() { HasText = "Tugas diselesaikan." })).ToBeVisibleAsync();
        Assert.EndsWith("/Tugas", new Uri(page.Url).AbsolutePath);
        Assert.Equal(404, (await page.GotoAsync(taskUrl))!.Status);

        await using var reporter = await host.NewVisitorAsync();
        var tracking = await reporter.NewPageAsync();
        await tracking.GotoAsync($"/Lacak/{code}");
        await Expect(tracking.Locator(".timeline-entry").Filter(new() { HasText = Answer })).ToBeVisibleAsync();
        await Expect(tracking.Locator(".timeline-entry").Filter(new() { HasText = Answer }).Locator("time")).ToHaveCountAsync(1);

        // The hash-chained history, through the engine API as a coordinator: who claimed and completed, and when.
        await using var coordinator = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            HttpCredentials = new HttpCredentials { Username = "koordinator", Password = "Lapor#Demo2026", Send = HttpCredentialsSend.Always },
        });
        var taskId = new Uri(taskUrl).AbsolutePath.Split('/').Last();
        var api = await coordinator.APIRequest.GetAsync($"/engine-rest/history/user-operation?taskId={taskId}");
        Assert.True(api.Ok, $"history answered {api.Status}");
        using var json = JsonDocument.Parse(await api.TextAsync());
        var operations = json.RootElement.EnumerateArray()
            .Select(o => (Type: o.GetProperty("operationType").GetString(), User: o.GetProperty("userId").GetString(), At: o.GetProperty("timestamp").GetString()))
            .ToList();
        Assert.Contains(operations, o => o.Type == "Claim" && o.User == "puprkim.petugas" && !string.IsNullOrEmpty(o.At));
        Assert.Contains(operations, o => o.Type == "Complete" && o.User == "puprkim.petugas" && !string.IsNullOrEmpty(o.At));
    }
    /// <summary>
    /// The list's buttons belong to one form per action (the button's form attribute names it, the button's value is the
    /// task): claiming and releasing straight from the list works in a real browser and acts on that row's task only.
    /// </summary>
    [Fact]
    public async Task Coordinator_ClaimsAndReleasesFromTheList()
    {
        await using var coordinator = await host.NewVisitorAsync();
        var page = await SignedInAsync(coordinator, "koordinator");

        await page.GotoAsync("/Tugas");
        var claimable = page.Locator("tr[data-task]").Filter(new() { Has = page.GetByRole(AriaRole.Button, new() { Name = "Ambil", Exact = true }) });
        var others = await claimable.CountAsync();
        Assert.True(others > 0, "the demo data has unclaimed tasks");
        var taskId = await claimable.First.GetAttributeAsync("data-task");
        var row = page.Locator($"tr[data-task='{taskId}']");

        await row.GetByRole(AriaRole.Button, new() { Name = "Ambil", Exact = true }).ClickAsync();
        await Expect(page.Locator(".alert").Filter(new() { HasText = "Tugas sudah Anda ambil." })).ToBeVisibleAsync();
        await Expect(row).ToContainTextAsync("koordinator");
        await Expect(claimable).ToHaveCountAsync(others - 1);

        await row.GetByRole(AriaRole.Button, new() { Name = "Lepaskan", Exact = true }).ClickAsync();
        await Expect(page.Locator(".alert").Filter(new() { HasText = "Tugas sudah dilepaskan." })).ToBeVisibleAsync();
        await Expect(row.GetByRole(AriaRole.Button, new() { Name = "Ambil", Exact = true })).ToBeVisibleAsync();
        await Expect(claimable).ToHaveCountAsync(others);
    }

    private static async Task<IPage> SignedInAsync(IBrowserContext visitor, string userName)
    {
        var page = await visitor.NewPageAsync();
        await page.GotoAsync("/Akun/Masuk");
        await page.Locator("#Form_UserName").FillAsync(userName);
        await page.Locator("#Form_Password").FillAsync("Lapor#Demo2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        return page;
    }
}
