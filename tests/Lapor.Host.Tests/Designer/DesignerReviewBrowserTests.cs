using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapor.Host.Tests.Portal;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lapor.Host.Tests.Designer;

/// <summary>
/// The coordinator's designer in Chromium, as a new user meets it: problems appear while drawing, in Indonesian with
/// step names and one problem per missing flow; the diagram opens beside the palette, not under it; the agency list
/// can be searched; a rollback asks why; and migration moves only the cases chosen.
/// </summary>
[Collection(PortalBrowser.Name)]
public sealed class DesignerReviewBrowserTests(PortalHost host) : IClassFixture<PortalHost>
{
    [Fact]
    public async Task Problems_AppearWhileDrawing_WithTheStepName_AndOneProblemForAMissingFlow()
    {
        var (context, page, scriptErrors) = await SignedInAsync();
        await using var _ = context;
        await OpenEmptyDesignerAsync(page);
        await page.Locator("#designer-import").SetInputFilesAsync(new FilePayload
        {
            Name = "rantai.bpmn", MimeType = "application/xml",
            Buffer = Encoding.UTF8.GetBytes(DesignerModels.Chain("uji-langsung", ["Terima", "Verifikasi laporan", "Tindak lanjut", "Tutup"])),
        });
        await Expect(page.Locator("#designer-status")).ToContainTextAsync("Model valid");

        // The coordinator deletes the flow into "Verifikasi laporan"; nobody presses "Validasi".
        await page.EvaluateAsync("() => { const m = window.laporDesigner; m.get('modeling').removeElements([m.get('elementRegistry').get('f1')]); }");

        var problem = page.Locator("#designer-problem-list > li[data-element-id='t1']");
        await Expect(problem).ToContainTextAsync("Verifikasi laporan: Tidak ada alur yang masuk ke langkah ini");
        await Expect(problem.Locator(".lapor-problem-element")).ToHaveAttributeAsync("title", new Regex("t1$"));
        await Expect(page.Locator("#designer-problem-list > li")).ToHaveCountAsync(1);
        var folded = problem.Locator("details.lapor-problem-consequences");
        await Expect(folded.Locator("summary")).ToHaveTextAsync("dan 3 langkah setelahnya juga tidak dapat dicapai");
        await folded.Locator("summary").ClickAsync();
        await Expect(folded.Locator("li[data-element-id='t2']")).ToHaveTextAsync("Tindak lanjut");
        await Expect(page.Locator(".lapor-error-badge[data-element-id='t1']")).ToBeVisibleAsync();
        await Expect(page.Locator("#designer-problem-list")).Not.ToContainTextAsync("cannot be reached");

        // A click on the problem selects the step; drawing the flow again clears the problem, still without "Validasi".
        await problem.Locator(".lapor-problem-element").ClickAsync();
        Assert.Equal("t1", await page.EvaluateAsync<string>("() => window.laporDesigner.get('selection').get()[0]?.id"));
        await page.EvaluateAsync("() => { const m = window.laporDesigner, r = m.get('elementRegistry'); m.get('modeling').connect(r.get('t0'), r.get('t1')); }");
        await Expect(page.Locator("#designer-problems")).ToBeHiddenAsync();
        await Expect(page.Locator("#designer-status")).ToContainTextAsync("Model valid");
        Assert.Empty(scriptErrors);
    }

    [Theory]
    [InlineData(1280, 900)]
    [InlineData(1920, 1080)]
    [InlineData(360, 740)]
    public async Task TheShippedProcess_OpensFittedBesideThePalette_AndThePageDoesNotOverflow(int width, int height)
    {
        var (context, page, scriptErrors) = await SignedInAsync(width, height);
        await using var _ = context;

        await page.GotoAsync("/Desain/Proses/lapor-pengaduan");
        var start = page.Locator("#designer-canvas .djs-element[data-element-id='diterima']");
        await Expect(start).ToBeVisibleAsync();

        var startBox = (await start.BoundingBoxAsync())!;
        var palette = (await page.Locator("#designer-canvas .djs-palette").BoundingBoxAsync())!;
        var canvas = (await page.Locator("#designer-canvas").BoundingBoxAsync())!;
        Assert.True(startBox.X >= palette.X + palette.Width, $"start event at x={startBox.X} lies under the palette (right edge {palette.X + palette.Width})");
        Assert.True(startBox.Y >= canvas.Y && startBox.Y + startBox.Height <= canvas.Y + canvas.Height, "start event outside the canvas");
        // The whole diagram is in view, not only its start.
        Assert.True(await page.EvaluateAsync<bool>("""
            () => { const v = window.laporDesigner.get('canvas').viewbox();
                    return v.inner.x >= v.x - 1 && v.inner.y >= v.y - 1 && v.inner.x + v.inner.width <= v.x + v.width + 1 && v.inner.y + v.inner.height <= v.y + v.height + 1; }
            """));
        Assert.True(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth <= window.innerWidth"), $"the designer overflows at {width} px");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task TheAgencyPicker_FiltersAsTheCoordinatorTypes()
    {
        var (context, page, scriptErrors) = await SignedInAsync();
        await using var _ = context;
        await page.GotoAsync("/Desain/Proses/lapor-pengaduan");
        await page.Locator("#designer-canvas .djs-element[data-element-id='verifikasi']").ClickAsync();
        var picker = page.Locator("#bio-properties-panel-lapor-candidate-add");
        Assert.True(await picker.Locator("option").CountAsync() > 20, "every agency as officer and supervisor before filtering");

        await page.Locator("#bio-properties-panel-lapor-candidate-search").FillAsync("dinas kesehatan");

        Assert.Equal(["", "dinkes", "dinkes-supervisor"], await picker.Locator("option").EvaluateAllAsync<string[]>("options => options.map(o => o.value)"));
        await Expect(page.Locator("#bio-properties-panel-lapor-candidate-search-count")).ToHaveTextAsync("2 pilihan cocok");
        await picker.SelectOptionAsync("dinkes-supervisor");
        await Expect(page.Locator("#bio-properties-panel-lapor-candidate-dinkes-supervisor")).ToBeCheckedAsync();
        await Expect(page.Locator("#bio-properties-panel-lapor-candidate-search")).ToHaveValueAsync("");

        await page.Locator("#bio-properties-panel-lapor-candidate-search").FillAsync("tidak ada instansi semacam ini");
        await Expect(picker.Locator("option")).ToHaveCountAsync(1);
        await Expect(page.Locator("#bio-properties-panel-lapor-candidate-search-count")).ToHaveTextAsync("Tidak ada instansi yang cocok");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task RollingBack_AsksWhy_RefusesAnEmptyReason_AndShowsTheReasonWithTheNewVersion()
    {
        var (context, page, scriptErrors) = await SignedInAsync();
        await using var _ = context;
        await OpenEmptyDesignerAsync(page);
        await PublishAsync(page, DesignerModels.Review("uji-kembali"), "Versi pertama");
        await PublishAsync(page, DesignerModels.Review("uji-kembali", taskName: "Periksa ulang"), "Nama baru");

        await page.GotoAsync("/Desain");
        var process = page.Locator("section[data-process='uji-kembali']");
        await process.Locator("tr[data-version='1'] [data-rollback]").ClickAsync();
        var dialog = page.Locator("#rollback-dialog");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(dialog).ToContainTextAsync("Versi 1 dari proses uji-kembali");

        await page.Locator("#rollback-submit").ClickAsync();
        await Expect(page.Locator("#rollback-comment-error")).ToBeVisibleAsync();
        await Expect(page.Locator("#rollback-comment-error")).ToHaveTextAsync("Tuliskan alasan penerbitan ulang; tanpa alasan versi tidak diterbitkan ulang.");
        await Expect(dialog).ToBeVisibleAsync();
        await Expect(process.Locator("tr[data-version]")).ToHaveCountAsync(2);

        await page.Locator("#rollback-comment").FillAsync("Petugas bingung dengan nama baru");
        await page.Locator("#rollback-submit").ClickAsync();

        var newest = page.Locator("section[data-process='uji-kembali'] tr[data-version='3'] [data-comment]");
        await Expect(newest).ToContainTextAsync("Terbit ulang dari versi 1");
        await Expect(newest).ToContainTextAsync("Petugas bingung dengan nama baru");
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task Migration_MovesOnlyTheTickedCase_AndSaysWhereEachWaitsAndWhyOneCannotMove()
    {
        const string key = "uji-pilih-browser";
        var (context, page, scriptErrors) = await SignedInAsync();
        await using var _ = context;
        await OpenEmptyDesignerAsync(page);
        await PublishAsync(page, DesignerModels.Chain(key, ["Verifikasi laporan", "Tindak lanjut"]), "Versi pertama");
        var waiting = await StartAsync(context, key, "LPR-B-1");
        var chosen = await StartAsync(context, key, "LPR-B-2");
        var ahead = await StartAsync(context, key, "LPR-B-3");
        await CompleteFirstTaskAsync(context, ahead);
        await PublishAsync(page, DesignerModels.Chain(key, ["Verifikasi laporan"]), "Tanpa tindak lanjut");

        await page.GotoAsync($"/Desain/Proses/{key}/Migrasi?dari=1&ke=2");
        await page.Locator("#dry-run").ClickAsync();
        var rows = page.Locator("#dry-run-report");
        await Expect(rows.Locator($"tr[data-instance='{chosen}'] td[data-position]")).ToHaveTextAsync("Verifikasi laporan");
        await Expect(rows.Locator($"tr[data-instance='{ahead}'] td[data-position]")).ToHaveTextAsync("Tindak lanjut");
        await Expect(rows.Locator($"tr[data-instance='{ahead}'] [data-reasons]"))
            .ToHaveTextAsync("Tidak: menunggu di langkah „Tindak lanjut” yang belum dipetakan ke versi tujuan");
        await Expect(rows.Locator($"tr[data-instance='{ahead}'] input[type=checkbox]")).ToHaveCountAsync(0);

        await page.GetByLabel("Pilih kasus LPR-B-2").CheckAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator("#execute-selected").ClickAsync();
        await Expect(page.Locator("#batch-progress[data-state='Completed']")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        await Expect(page.Locator("#batch-total")).ToHaveTextAsync("1");

        Assert.EndsWith(":2:", Version(await DefinitionOfAsync(context, chosen)));
        Assert.EndsWith(":1:", Version(await DefinitionOfAsync(context, waiting)));
        Assert.EndsWith(":1:", Version(await DefinitionOfAsync(context, ahead)));
        Assert.Empty(scriptErrors);
    }

    [Fact]
    public async Task AConditionEditedAndRestored_AndAMovedStep_AreNoChange_UntilLayoutIsAskedFor()
    {
        var (context, page, scriptErrors) = await SignedInAsync();
        await using var _ = context;
        await page.GotoAsync("/Desain/Proses/lapor-pengaduan");
        await Expect(page.Locator("#designer-canvas .djs-element[data-element-id='verifikasi']")).ToBeVisibleAsync();

        // What the coordinator does in the modeler: the condition changed and typed back, a step moved aside.
        await page.EvaluateAsync("""
            () => {
              const m = window.laporDesigner, r = m.get('elementRegistry'), modeling = m.get('modeling'), factory = m.get('bpmnFactory');
              const flow = r.get('keDisposisi');
              const original = flow.businessObject.conditionExpression.body;
              modeling.updateProperties(flow, { conditionExpression: factory.create('bpmn:FormalExpression', { body: "${decision == 'lain'}" }) });
              modeling.updateProperties(flow, { conditionExpression: factory.create('bpmn:FormalExpression', { body: original }) });
              modeling.moveElements([r.get('verifikasi')], { x: 0, y: 40 });
            }
            """);
        await page.Locator("#designer-comment").FillAsync("Rapikan diagram");
        await page.Locator("#designer-publish").ClickAsync();
        await Expect(page.Locator("#designer-status")).ToContainTextAsync("versi 2");
        // The edits just before scheduled a live check (600 ms after the last): once it would have answered, the
        // coordinator must still read that the version was published, not "valid".
        await page.WaitForTimeoutAsync(1500);
        await Expect(page.Locator("#designer-status")).ToContainTextAsync("versi 2");

        await page.GotoAsync("/Desain/Proses/lapor-pengaduan/Beda?dari=1&ke=2");
        await Expect(page.Locator("#diff-none")).ToBeVisibleAsync();
        await Expect(page.Locator("#diff-layout-hidden")).ToBeVisibleAsync();

        await page.GetByLabel("Tampilkan perubahan tata letak").CheckAsync();
        await page.Locator("#diff-compare").ClickAsync();
        await Expect(page.Locator("#diff-changes tr[data-element='verifikasi'][data-kind='layout']")).ToContainTextAsync("Verifikasi laporan");
        await Expect(page.Locator("#diff-changes tr[data-kind='changed']")).ToHaveCountAsync(0);
        await Expect(page.Locator("#diff-newer .djs-element.lapor-diff-moved[data-element-id='verifikasi']")).ToBeAttachedAsync();
        Assert.Empty(scriptErrors);
    }

    private static string Version(string definitionId) => definitionId[..(definitionId.LastIndexOf(':') + 1)];

    private async Task<(IBrowserContext Context, IPage Page, List<string> ScriptErrors)> SignedInAsync(int width = 1400, int height = 1000)
    {
        var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = width, Height = height },
            Locale = "en-US",
            // The engine API (setting up cases below) takes HTTP Basic; the pages use the login cookie.
            HttpCredentials = new HttpCredentials { Username = "koordinator", Password = "Lapor#Demo2026", Send = HttpCredentialsSend.Always },
        });
        var page = await context.NewPageAsync();
        var errors = new List<string>();
        page.PageError += (_, error) => errors.Add(error);
        await page.GotoAsync("/Akun/Masuk");
        await page.Locator("#Form_UserName").FillAsync("koordinator");
        await page.Locator("#Form_Password").FillAsync("Lapor#Demo2026");
        await page.Locator("form button[type=submit].btn-primary").ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Akun/Masuk", StringComparison.Ordinal));
        return (context, page, errors);
    }

    private static async Task OpenEmptyDesignerAsync(IPage page)
    {
        await page.GotoAsync("/Desain/Proses");
        // The script is ready once the empty diagram is drawn.
        await Expect(page.Locator("#designer-canvas .djs-element[data-element-id='mulai']")).ToBeVisibleAsync();
    }

    /// <summary>Publishes through the designer page's own handler, as its "Terbitkan" button does.</summary>
    private static async Task PublishAsync(IPage page, string xml, string comment)
    {
        var status = await page.EvaluateAsync<int>("""
            async ([xml, comment]) => {
              const token = document.querySelector('input[name="__RequestVerificationToken"]').value;
              const response = await fetch('/Desain/Proses?handler=Publish', {
                method: 'POST', headers: { 'Content-Type': 'application/json', RequestVerificationToken: token },
                body: JSON.stringify({ xml, comment }) });
              return response.status;
            }
            """, new[] { xml, comment });
        Assert.Equal(200, status);
    }

    private static async Task<string> StartAsync(IBrowserContext context, string key, string businessKey)
    {
        var started = await context.APIRequest.PostAsync($"/engine-rest/process-definition/key/{key}/start", new() { DataObject = new { businessKey } });
        Assert.True(started.Ok, $"start answered {started.Status}");
        using var json = JsonDocument.Parse(await started.TextAsync());
        return json.RootElement.GetProperty("id").GetString()!;
    }

    private static async Task CompleteFirstTaskAsync(IBrowserContext context, string instanceId)
    {
        var tasks = await context.APIRequest.GetAsync($"/engine-rest/task?processInstanceId={instanceId}");
        using var json = JsonDocument.Parse(await tasks.TextAsync());
        var id = json.RootElement[0].GetProperty("id").GetString();
        var completed = await context.APIRequest.PostAsync($"/engine-rest/task/{id}/complete", new() { DataObject = new { variables = new { } } });
        Assert.True(completed.Ok, $"complete answered {completed.Status}");
    }

    private static async Task<string> DefinitionOfAsync(IBrowserContext context, string instanceId)
    {
        var instance = await context.APIRequest.GetAsync($"/engine-rest/process-instance/{instanceId}");
        using var json = JsonDocument.Parse(await instance.TextAsync());
        return json.RootElement.GetProperty("definitionId").GetString()!;
    }
}
