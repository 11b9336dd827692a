using Lapor.Host.Tests.Audit;
using Lapor.Host.Tests.Hardening;
using Lapor.Host.Tests.Portal;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.OpenApi;

/// <summary>Scalar's reference page renders the document in a real browser under the site's Content-Security-Policy.</summary>
[Collection(PortalBrowser.Name)]
public sealed class ApiReferenceBrowserTests(AuditBrowserHost host) : IClassFixture<AuditBrowserHost>
{
    [Fact]
    public async Task ReferencePage_ShowsTheOpen311Operations_WithoutAnyPolicyViolation_OrAnyOtherHost()
    {
        await using var context = await host.NewContextAsync();
        var elsewhere = new List<string>();
        context.Request += (_, request) =>
        {
            if (!request.Url.StartsWith(host.BaseAddress.ToString(), StringComparison.Ordinal) && !request.Url.StartsWith("data:", StringComparison.Ordinal))
                elsewhere.Add(request.Url);
        };
        var watch = await PolicyWatch.OpenAsync(context);

        var response = await watch.Page.GotoAsync("/api/docs");
        Assert.True(response!.Ok);
        await Assertions.Expect(watch.Page.GetByText("Lapor API").First).ToBeVisibleAsync(new() { Timeout = 30_000 });
        await Assertions.Expect(watch.Page.GetByText("Open311").First).ToBeVisibleAsync();
        await watch.Page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        await watch.AssertNoViolationAsync();
        Assert.Empty(elsewhere);
    }
}
