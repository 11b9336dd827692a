using System.Text;
using Lapor.Host.Tests.Portal;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.Designer;

/// <summary>The designer in Chromium: bpmn-js renders, the Lapor group edits the model, and server validation marks elements.</summary>
[Collection(PortalBrowser.Name)]
public sealed class DesignerBrowserTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Coordinator_DrawsInTheDesigner_AndSeesADanglingElementMarkedByValidation()
    {
        await using var context = await host.NewVisitorAsync(width: 1400, height: 1000);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await SignInAsync(page, "koordinator", "Lapor#Demo2026");

        // The shipped process is drawn (it carries its own diagram).
        await page.GotoAsync("/Desain/Proses/lapor-pengaduan");
        await Assertions.Expect(page.Locator("#designer-canvas .djs-element[data-element-id='tindakLanjut']")).ToBeVisibleAsync();

        await page.GotoAsync("/Desain/Proses");
        // The bpmn.io watermark is part of the licence: it must be on the canvas.
        await Assertions.Expect(page.Locator("#designer-canvas a.bjs-powered-by[href*='bpmn.io']")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#designer-canvas .djs-element[data-element-id='mulai']")).ToBeVisibleAsync();

        await page.Locator("#designer-import").SetInputFilesAsync(new FilePayload
        {
            Name = "uji.bpmn", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(DesignerModels.Review("uji-browser", dangling: true)),
        });
        await Assertions.Expect(page.Locator(".djs-element[data-element-id='selesai']")).ToBeVisibleAsync();

        // The Lapor group writes a working-day due date onto the selected user task.
        await page.Locator(".djs-element[data-element-id='periksa']").ClickAsync();
        var due = page.Locator("#bio-properties-panel-lapor-due-days");
        await Assertions.Expect(due).ToHaveValueAsync("2");
        await due.FillAsync("4");
        await Assertions.Expect(page.Locator(".bio-properties-panel-group-header-title:text-is('Lapor')")).ToBeVisibleAsync();
        await page.Locator("#bio-properties-panel-lapor-candidate-add").SelectOptionAsync("dinkes-supervisor");
        await Assertions.Expect(page.Locator("#bio-properties-panel-lapor-candidate-dinkes-supervisor")).ToBeCheckedAsync();
        await page.Locator("#bio-properties-panel-lapor-stage").FillAsync("Sedang diperiksa");
        await page.WaitForFunctionAsync("""
            async () => {
              const xml = (await window.laporDesigner.saveXML()).xml;
              return xml.includes('camunda:dueDate="P4WD"') && xml.includes('camunda:candidateGroups="inspektorat,dinkes-supervisor"')
                && xml.includes('<camunda:property name="stage" value="Sedang diperiksa" />');
            }
            """);

        await page.GetByRole(AriaRole.Button, new() { Name = "Validasi", Exact = true }).ClickAsync();

        await Assertions.Expect(page.Locator(".lapor-error-badge[data-element-id='selesai']")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator(".djs-element.lapor-invalid[data-element-id='selesai']")).ToBeAttachedAsync();
        await Assertions.Expect(page.Locator("#designer-problem-list li[data-element-id='selesai']")).ToContainTextAsync("Tidak ada alur yang masuk");
        Assert.Empty(scriptErrors);
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
