using System.Text;
using Lapor.Host.Tests.Portal;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lapor.Host.Tests.Designer;

/// <summary>The Lapor group edits a user task's form fields: add, label, type, required, remove — written as camunda:formData.</summary>
[Collection(PortalBrowser.Name)]
public sealed class DesignerFormFieldsBrowserTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Coordinator_AddsARequiredNumberField_AndRemovesIt()
    {
        await using var context = await host.NewVisitorAsync(width: 1400, height: 1000);
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync("/Akun/Masuk");
        await page.Locator("#Form_UserName").FillAsync("koordinator");
        await page.Locator("#Form_Password").FillAsync("Lapor#Demo2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Akun/Masuk", StringComparison.Ordinal));

        await page.GotoAsync("/Desain/Proses");
        // The script is ready once the empty diagram is drawn; an import before that would go unheard.
        await Expect(page.Locator("#designer-canvas .djs-element[data-element-id='mulai']")).ToBeVisibleAsync();
        await page.Locator("#designer-import").SetInputFilesAsync(new FilePayload
        {
            Name = "formulir.bpmn", MimeType = "application/xml", Buffer = Encoding.UTF8.GetBytes(DesignerModels.Review("uji-formulir")),
        });
        await page.Locator(".djs-element[data-element-id='periksa']").ClickAsync();

        var add = page.Locator("#bio-properties-panel-lapor-field-add");
        await add.FillAsync("1salah");
        await Expect(page.Locator(".bio-properties-panel-entry[data-entry-id='lapor-field-add'] .bio-properties-panel-error")).ToContainTextAsync("diawali huruf");
        await add.FillAsync("jumlahKorban");
        await page.Locator("#bio-properties-panel-lapor-field-add-button").ClickAsync();
        await Expect(page.Locator("#bio-properties-panel-lapor-field-jumlahKorban-label")).ToHaveValueAsync("jumlahKorban");

        await page.Locator("#bio-properties-panel-lapor-field-jumlahKorban-label").FillAsync("Jumlah korban");
        await page.Locator("#bio-properties-panel-lapor-field-jumlahKorban-type").SelectOptionAsync("long");
        await page.Locator("#bio-properties-panel-lapor-field-jumlahKorban-required").CheckAsync();
        await page.WaitForFunctionAsync("""
            async () => {
              const xml = (await window.laporDesigner.saveXML()).xml;
              return /<camunda:formField id="jumlahKorban" label="Jumlah korban" type="long">\s*<camunda:validation>\s*<camunda:constraint name="required" \/>/.test(xml);
            }
            """);

        // The server's rules accept what the group wrote.
        await page.GetByRole(AriaRole.Button, new() { Name = "Validasi", Exact = true }).ClickAsync();
        await Expect(page.Locator("#designer-status")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("alert-success"));

        await page.Locator("#bio-properties-panel-lapor-field-jumlahKorban-remove").ClickAsync();
        await page.WaitForFunctionAsync("async () => !(await window.laporDesigner.saveXML()).xml.includes('jumlahKorban')");
        Assert.Empty(scriptErrors);
    }
}
