using Microsoft.Playwright;

namespace Lapor.Host.Tests.Hardening;

/// <summary>
/// A browser page that records every Content-Security-Policy violation: the <c>securitypolicyviolation</c> events in
/// the page itself (a blocked style or script is seen even without a console message), Chromium's "Refused to" console
/// lines, and uncaught script errors (a refused script often shows up only as the error of the script that needed it).
/// </summary>
public sealed class PolicyWatch
{
    private const string ViolationRecorder =
        "window.__cspViolations = []; document.addEventListener('securitypolicyviolation', e => " +
        "window.__cspViolations.push(e.violatedDirective + ' ' + e.blockedURI));";

    private readonly List<string> _refused = [];

    private PolicyWatch(IPage page) => Page = page;

    public IPage Page { get; }

    public static async Task<PolicyWatch> OpenAsync(IBrowserContext context)
    {
        await context.AddInitScriptAsync(ViolationRecorder);
        var watch = new PolicyWatch(await context.NewPageAsync());
        watch.Page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal) || message.Text.StartsWith("Refused to", StringComparison.Ordinal))
                watch._refused.Add(message.Text);
        };
        watch.Page.PageError += (_, error) => watch._refused.Add(error);
        return watch;
    }

    public async Task SignInAsync(string user)
    {
        await Page.GotoAsync("/Akun/Masuk");
        await Page.Locator("#Form_UserName").FillAsync(user);
        await Page.Locator("#Form_Password").FillAsync("Lapor#Demo2026");
        await Page.Locator("form button[type=submit]").Last.ClickAsync();
        await Page.WaitForURLAsync(url => !url.Contains("/Akun/Masuk", StringComparison.Ordinal));
    }

    /// <summary>Checks what the pages opened so far recorded; the current page's events are read from the page.</summary>
    public async Task AssertNoViolationAsync()
    {
        var recorded = await Page.EvaluateAsync<string[]>("window.__cspViolations ?? []");
        Assert.True(recorded.Length == 0, string.Join(Environment.NewLine, recorded));
        Assert.True(_refused.Count == 0, string.Join(Environment.NewLine, _refused));
    }
}
