using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Lapor.Host.Tests.Portal;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.Designer;

/// <summary>The decision table editor in Chromium: dmn-js opens the shipped routing table, a cell is edited, checked and published.</summary>
[Collection(PortalBrowser.Name)]
public sealed class DecisionEditorBrowserTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Coordinator_EditsACell_SeesABadCellNamed_AndPublishesANewVersion()
    {
        await using var context = await host.NewVisitorAsync(width: 1400, height: 1000);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await SignInAsync(page, "koordinator", "Lapor#Demo2026");

        await page.GotoAsync("/Desain");
        await page.Locator("#decisions-link").ClickAsync();
        var card = page.Locator("section[data-decision='rute-instansi']");
        await Assertions.Expect(card.Locator("tr[data-version='1']")).ToBeVisibleAsync();
        await card.GetByRole(AriaRole.Link, new() { Name = "Buka" }).ClickAsync();

        // dmn-js opens on the table itself, not the requirements diagram.
        var cell = page.Locator("#decision-canvas td[data-element-id='aturan-jalan-instansi']");
        await Assertions.Expect(cell).ToContainTextAsync("\"puprkim\"");

        // An unquoted text in a condition is not a FEEL value: the check while editing names the cell, no button needed.
        var condition = page.Locator("#decision-canvas td[data-element-id='aturan-jalan-kategori']");
        await ReplaceCellAsync(page, condition, "jalan");
        var problem = page.Locator("#decision-problem-list li[data-element-id='aturan-jalan-kategori']");
        await Assertions.Expect(problem).ToContainTextAsync("write text in double quotes");
        await Assertions.Expect(problem).ToContainTextAsync("aturan 6");
        await page.Locator("#decision-publish").ClickAsync();
        await Assertions.Expect(page.Locator("#decision-status")).ToContainTextAsync("belum bisa diterbitkan");

        await ReplaceCellAsync(page, condition, "\"jalan\"");
        await Assertions.Expect(page.Locator("#decision-problems")).ToBeHiddenAsync();
        await ReplaceCellAsync(page, cell, "\"dishub\"");
        await page.Locator("#decision-comment").FillAsync("Jalan ke Dishub (uji)");
        await page.Locator("#decision-publish").ClickAsync();
        await Assertions.Expect(page.Locator("#decision-status")).ToContainTextAsync("Diterbitkan: rute-instansi versi 2");

        // The engine evaluates the new version.
        using var api = new HttpClient { BaseAddress = new Uri(host.BaseAddress, "engine-rest/") };
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes("admin:Lapor#Bali2026")));
        using var response = await api.PostAsync("decision-definition/key/rute-instansi/evaluate", new StringContent(
            """{"variables": {"category": {"value": "jalan", "type": "String"}}}""", Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, body);
        using var json = JsonDocument.Parse(body);
        Assert.Equal("dishub", json.RootElement[0].GetProperty("agency").GetProperty("value").GetString());

        await page.GotoAsync("/Desain/Keputusan");
        await Assertions.Expect(card.Locator("tr[data-version='2']")).ToContainTextAsync("Jalan ke Dishub (uji)");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task TheDecisionPages_FitAPhone()
    {
        await using var context = await host.NewVisitorAsync(width: 360, height: 740, phone: true);
        var page = await context.NewPageAsync();
        await SignInAsync(page, "koordinator", "Lapor#Demo2026");
        foreach (var path in new[] { "/Desain/Keputusan", "/Desain/Keputusan/rute-instansi" })
        {
            await page.GotoAsync(path);
            await Assertions.Expect(page.Locator("h1")).ToBeVisibleAsync();
            if (path.EndsWith("rute-instansi", StringComparison.Ordinal))
                await Assertions.Expect(page.Locator("#decision-canvas td[data-element-id='aturan-jalan-instansi']")).ToBeAttachedAsync();
            // The wide table scrolls inside its own box; the page itself does not scroll sideways.
            var overflow = await page.EvaluateAsync<int>("() => document.documentElement.scrollWidth - document.documentElement.clientWidth");
            var wide = await page.EvaluateAsync<string>("() => [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1).slice(0, 8).map(e => e.tagName + '#' + e.id + '.' + e.className + ' ' + Math.round(e.getBoundingClientRect().right)).join(' | ')");
            Assert.True(overflow <= 0, $"{path} is {overflow}px wider than a 360px phone: {wide}");
        }
    }

    private static async Task ReplaceCellAsync(IPage page, ILocator cell, string text)
    {
        await cell.ClickAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync(text);
        // Leave the cell so the table commits it, as a coordinator moving on would.
        await page.Locator("#decision-key").ClickAsync();
    }

    private static async Task SignInAsync(IPage page, string userName, string password)
    {
        await page.GotoAsync("/Akun/Masuk");
        await page.Locator("#Form_UserName").FillAsync(userName);
        await page.Locator("#Form_Password").FillAsync(password);
        await page.Locator("form button[type=submit].btn-primary").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Akun/Masuk", StringComparison.Ordinal));
    }
}
