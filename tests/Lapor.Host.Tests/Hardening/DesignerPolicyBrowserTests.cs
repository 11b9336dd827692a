using Lapor.Host.Tests.Audit;
using Lapor.Host.Tests.Portal;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.Hardening;

/// <summary>
/// The process designer under the Content-Security-Policy: bpmn-js draws, edits and saves with no violation, and the
/// confirmations that used to be inline onclick handlers still ask before a case is cancelled.
/// </summary>
[Collection(PortalBrowser.Name)]
public sealed class DesignerPolicyBrowserTests(AuditBrowserHost host) : IClassFixture<AuditBrowserHost>
{
    [Fact]
    public async Task Coordinator_EditsAndSavesTheShippedProcess_WithoutAnyPolicyViolation()
    {
        await using var context = await host.NewContextAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        var page = watch.Page;
        await watch.SignInAsync("koordinator");

        await page.GotoAsync("/Desain/Proses/lapor-pengaduan");
        await Assertions.Expect(page.Locator("#designer-canvas .djs-element[data-element-id='verifikasi']")).ToBeVisibleAsync();
        Assert.True(await page.Locator("#designer-canvas .djs-shape .djs-visual > *").CountAsync() >= 5, "bpmn-js drew no shapes");

        // Selecting a task renders the properties panel for it (Preact, inline styles).
        await page.Locator(".djs-element[data-element-id='verifikasi']").ClickAsync();
        await Assertions.Expect(page.Locator("#designer-panel .bio-properties-panel-header")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".bio-properties-panel-group-header-title:text-is('Lapor')")).ToBeVisibleAsync();

        // Direct editing of the label: bpmn-js positions a contenteditable box with style attributes.
        await page.Locator(".djs-element[data-element-id='verifikasi']").DblClickAsync();
        var editor = page.Locator(".djs-direct-editing-parent");
        await Assertions.Expect(editor).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("Control+A");
        await page.Keyboard.TypeAsync("Verifikasi laporan masuk");
        await page.Locator(".djs-element[data-element-id='tindakLanjut']").ClickAsync();
        await Assertions.Expect(page.Locator(".djs-element[data-element-id='verifikasi'] text")).ToContainTextAsync("masuk");

        await page.Locator("#designer-validate").ClickAsync();
        await Assertions.Expect(page.Locator("#designer-status.alert-success")).ToBeVisibleAsync();
        await page.Locator("#designer-save").ClickAsync();
        await Assertions.Expect(page.Locator("#designer-status.alert-success")).ToBeVisibleAsync();

        await watch.AssertNoViolationAsync();
    }

    [Fact]
    public async Task CancellingACase_StillAsksFirst_AndDoesNothingWhenDeclined()
    {
        await using var context = await host.NewContextAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        var page = watch.Page;
        await watch.SignInAsync("koordinator");
        await page.GotoAsync("/Desain/Proses/lapor-pengaduan/Kasus");
        var row = page.Locator("#instances tr[data-instance]").First;
        var instance = await row.GetAttributeAsync("data-instance");
        var questions = new List<string>();
        page.Dialog += (_, dialog) =>
        {
            questions.Add(dialog.Message);
            _ = dialog.DismissAsync();
        };

        await row.Locator("button[data-confirm]").ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);

        Assert.Single(questions);
        Assert.NotEmpty(questions[0]);
        await Assertions.Expect(page.Locator($"#instances tr[data-instance='{instance}']")).ToBeVisibleAsync();
        await watch.AssertNoViolationAsync();
    }
}
