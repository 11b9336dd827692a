using System.Text.Json;
using Lapor.Host.Tests.Portal;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lapor.Host.Tests.Designer;

/// <summary>
/// The coordinator's change of the complaint process, end to end in Chromium: add a step with a candidate agency and a
/// 2-working-day deadline between two existing nodes, see validation mark it while it is unconnected, connect it,
/// publish; a new report then reaches the new step, a report started before stays on the old version, the
/// comparison shows the change, and the migration dry run lists the old case and a batch moves it.
/// </summary>
[Collection(PortalBrowser.Name)]
public sealed class ChangeTheProcessInBrowserTests(PortalHost host) : IClassFixture<PortalHost>
{
    private const string Key = "lapor-pengaduan";
    private const string NewTask = "periksaKelengkapan";

    [Fact]
    public async Task Coordinator_AddsAStep_Publishes_NewReportsTakeIt_OldOnesStayUntilMigrated()
    {
        await using var context = await host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 1400, Height = 1000 },
            // The engine API (used below to look at tasks) takes HTTP Basic; the pages use the login cookie.
            HttpCredentials = new HttpCredentials { Username = "koordinator", Password = "Lapor#Demo2026", Send = HttpCredentialsSend.Always },
        });
        var page = await context.NewPageAsync();
        var scriptErrors = new List<string>();
        page.PageError += (_, error) => scriptErrors.Add(error);
        await page.GotoAsync("/Akun/Masuk");
        await page.Locator("#Form_UserName").FillAsync("koordinator");
        await page.Locator("#Form_Password").FillAsync("Lapor#Demo2026");
        await page.GetByRole(AriaRole.Button, new() { Name = "Masuk", Exact = true }).ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Akun/Masuk", StringComparison.Ordinal));

        // Cases waiting for verification on version 1, before any change.
        var oldCases = await TasksAsync(context, "verifikasi");
        Assert.NotEmpty(oldCases);

        await page.GotoAsync($"/Desain/Proses/{Key}");
        await Expect(page.Locator("#designer-canvas .djs-element[data-element-id='verifikasi']")).ToBeVisibleAsync();

        // A new user task, not yet connected, selected so the properties panel shows it.
        await page.EvaluateAsync($$"""
            () => {
              const m = window.laporDesigner;
              const modeling = m.get('modeling'), factory = m.get('elementFactory'), canvas = m.get('canvas');
              const shape = modeling.createShape(factory.createShape({ type: 'bpmn:UserTask' }), { x: 290, y: 470 }, canvas.getRootElement());
              modeling.updateProperties(shape, { id: '{{NewTask}}', name: 'Periksa kelengkapan' });
              m.get('selection').select(shape);
            }
            """);
        var due = page.Locator("#bio-properties-panel-lapor-due-days");
        await due.FillAsync("2");
        await page.Locator("#bio-properties-panel-lapor-candidate-add").SelectOptionAsync("dinkes");
        await Expect(page.Locator("#bio-properties-panel-lapor-candidate-dinkes")).ToBeCheckedAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Validasi", Exact = true }).ClickAsync();
        await Expect(page.Locator($".lapor-error-badge[data-element-id='{NewTask}']")).ToBeVisibleAsync();
        await Expect(page.Locator($"#designer-problem-list li[data-element-id='{NewTask}']")).ToContainTextAsync("Tidak ada alur yang masuk");

        // Connect it between "Siapkan kasus" and "Verifikasi laporan": the old flow now ends at the new task.
        await page.EvaluateAsync($$"""
            () => {
              const m = window.laporDesigner;
              const modeling = m.get('modeling'), registry = m.get('elementRegistry');
              const task = registry.get('{{NewTask}}');
              modeling.reconnectEnd(registry.get('a0'), task, { x: task.x + task.width / 2, y: task.y + task.height / 2 });
              modeling.connect(task, registry.get('verifikasi'));
            }
            """);
        await page.GetByRole(AriaRole.Button, new() { Name = "Validasi", Exact = true }).ClickAsync();
        await Expect(page.Locator($".lapor-error-badge[data-element-id='{NewTask}']")).ToHaveCountAsync(0);

        await page.Locator("#designer-comment").FillAsync("Periksa kelengkapan sebelum verifikasi");
        await page.Locator("#designer-publish").ClickAsync();
        await Expect(page.Locator("#designer-status")).ToContainTextAsync("versi 2");

        // A new report runs on version 2 and reaches the new step, offered to Dinkes with a due date.
        var submitted = await context.APIRequest.PostAsync("/api/reports", new()
        {
            DataObject = new
            {
                type = "Complaint", title = "Obat kosong di puskesmas", categoryCode = "kesehatan",
                description = "Sudah tiga hari obat hipertensi kosong di apotek puskesmas.",
                reporter = new { name = "Ni Luh Sari", email = "niluh@example.com" },
            },
        });
        Assert.Equal(201, submitted.Status);
        var newTasks = await TasksAsync(context, NewTask, "&candidateGroup=dinkes");
        var reached = Assert.Single(newTasks);
        Assert.StartsWith($"{Key}:2:", reached.GetProperty("processDefinitionId").GetString());
        Assert.False(string.IsNullOrEmpty(reached.GetProperty("due").GetString()));

        // The reports started before still wait at verification on version 1.
        foreach (var old in oldCases)
            Assert.StartsWith($"{Key}:1:", old.GetProperty("processDefinitionId").GetString());
        Assert.Equal(oldCases.Count, (await TasksAsync(context, "verifikasi")).Count);

        // The comparison marks the new step and the rewired flow.
        await page.GotoAsync($"/Desain/Proses/{Key}/Beda?dari=1&ke=2");
        await Expect(page.Locator($"#diff-newer .djs-element.lapor-diff-added[data-element-id='{NewTask}']")).ToBeAttachedAsync();
        await Expect(page.Locator("#diff-older .djs-element.lapor-diff-changed[data-element-id='a0']")).ToBeAttachedAsync();
        await Expect(page.Locator($"#diff-changes tr[data-element='{NewTask}'][data-kind='added']")).ToBeVisibleAsync();

        // The migration dry run lists the old cases as movable; the batch moves them.
        await page.GotoAsync($"/Desain/Proses/{Key}/Migrasi?dari=1&ke=2");
        await page.Locator("#dry-run").ClickAsync();
        foreach (var old in oldCases)
            await Expect(page.Locator($"#dry-run-report tr[data-instance='{old.GetProperty("processInstanceId").GetString()}'][data-can-move='true']")).ToBeVisibleAsync();
        page.Dialog += (_, dialog) => dialog.AcceptAsync();
        await page.Locator("#execute").ClickAsync();
        await Expect(page.Locator("#batch-progress[data-state='Completed']")).ToBeAttachedAsync(new() { Timeout = 60_000 });
        foreach (var moved in await TasksAsync(context, "verifikasi"))
            Assert.StartsWith($"{Key}:2:", moved.GetProperty("processDefinitionId").GetString());
        Assert.Empty(scriptErrors);
    }

    private static async Task<List<JsonElement>> TasksAsync(IBrowserContext context, string taskKey, string extra = "")
    {
        var response = await context.APIRequest.GetAsync($"/engine-rest/task?taskDefinitionKey={taskKey}{extra}");
        Assert.True(response.Ok, $"GET /engine-rest/task answered {response.Status}");
        using var json = JsonDocument.Parse(await response.TextAsync());
        return json.RootElement.EnumerateArray().Select(e => e.Clone()).ToList();
    }
}
