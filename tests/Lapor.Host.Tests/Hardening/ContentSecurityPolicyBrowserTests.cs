using Lapor.Host.Tests.Audit;
using Lapor.Host.Tests.Portal;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.Hardening;

/// <summary>Pages work in a real browser under the Content-Security-Policy, and the browser reports no violation.</summary>
[Collection(PortalBrowser.Name)]
public sealed class ContentSecurityPolicyBrowserTests(AuditBrowserHost host) : IClassFixture<AuditBrowserHost>
{
    // Records every violation in the page itself, so a blocked style or script is seen even without a console message.
    private const string ViolationRecorder =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    [Theory]
    [InlineData("/")]
    [InlineData("/Laporan/Buat")]
    public async Task PublicPage_LoadsWithoutAnyPolicyViolation(string path)
    {
        await using var context = await host.NewContextAsync();
        var (page, refused) = await WatchedPageAsync(context);

        await page.GotoAsync(path);
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await AssertNoViolationAsync(page, refused);
    }

    [Fact]
    public async Task PerformanceDashboard_DrawsItsChart_WithoutAnyPolicyViolation()
    {
        await using var context = await host.NewContextAsync();
        var (page, refused) = await WatchedPageAsync(context);
        await SignInAsync(page, "auditor");

        await page.GotoAsync("/Audit/Kinerja");
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        // Chart.js sizes the canvas with inline styles when it draws: a canvas without them was never drawn.
        Assert.NotEqual("", await page.Locator("#trend-chart").GetAttributeAsync("style") ?? "");
        await AssertNoViolationAsync(page, refused);
    }

    private static async Task<(IPage Page, List<string> Refused)> WatchedPageAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(ViolationRecorder);
        var page = await context.NewPageAsync();
        var refused = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("Refused to", StringComparison.Ordinal))
                refused.Add(message.Text);
        };
        page.PageError += (_, error) => refused.Add(error);
        return (page, refused);
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/Akun/Masuk");
        await page.Locator("#Form_UserName").FillAsync(user);
        await page.Locator("#Form_Password").FillAsync("Lapor#Demo2026");
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Akun/Masuk", StringComparison.Ordinal));
    }

    private static async Task AssertNoViolationAsync(IPage page, List<string> refused)
    {
        var recorded = await page.EvaluateAsync<string[]>("window.__cspViolations ?? []");
        Assert.Empty(recorded);
        Assert.Empty(refused);
    }
}
