using Lapor.Host.Data;
using Lapor.Host.Tests.Audit;
using Lapor.Host.Tests.Portal;
using Lapor.Host.Tests.Support;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Lapor.Host.Tests.Layout;

/// <summary>
/// Every page each role works with, at a phone's 360 px, a laptop's 1280 px and a desktop's 1920 px: no sideways
/// scrolling, no top bar on two rows, no button whose text breaks. One host and browser for all; per role one
/// signed-in context, resized for each width.
/// </summary>
[Collection(PortalBrowser.Name)]
public sealed class PageWidthBrowserTests(AuditBrowserHost host) : IClassFixture<AuditBrowserHost>
{
    private static readonly int[] Widths = [360, 1280, 1920];

    private const string Waiting = "Lampu penerangan jalan mati di Jl. Raya Ubud";

    private const string TaskPage = "{task}";
    private const string CasePage = "/Audit/Kasus/{case}";
    private const string UserPage = "{user}";

    private static readonly string[] AuditPages = ["/Audit", CasePage, "/Audit/Kinerja", "/Audit/Integritas", "/Audit/Ekspor"];

    public static TheoryData<string, string[]> Roles => new()
    {
        { "dinkes.petugas", ["/Tugas", TaskPage, "/Notifikasi"] },
        { "koordinator", ["/Tugas", TaskPage, "/Notifikasi", "/Desain", "/Desain/Proses/lapor-pengaduan", "/Desain/Proses/lapor-pengaduan/Kasus", .. AuditPages] },
        { "auditor", ["/Tugas", TaskPage, "/Notifikasi", .. AuditPages] },
        { "ombudsman", ["/Tugas", "/Notifikasi", "/Audit", "/Audit/Kinerja", "/Audit/Integritas", "/Audit/Ekspor"] },
        { "admin", ["/Tugas", "/Desain", "/Desain/Proses/lapor-pengaduan", "/Admin/Pengguna", "/Admin/Pengguna/Baru", UserPage, "/Admin/Kotak-Keluar", "/Audit"] },
    };

    [Theory]
    [MemberData(nameof(Roles))]
    public async Task StaffPages_FitEveryWidth_WithoutWrappedButtons(string user, string[] pages)
    {
        await GiveDinkesATaskAsync();
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, user);
        var paths = await ResolveAsync(page, pages);

        var problems = await ProblemsAsync(page, paths);

        Assert.True(problems.Count == 0, $"{user}:{Environment.NewLine}{string.Join(Environment.NewLine, problems)}");
    }

    /// <summary>
    /// The inbox writes each task once, as a table row, which a phone gets as a card: no column headings, the row as
    /// wide as the screen with its cells one under another, and its buttons in reach. A wide screen keeps the table.
    /// </summary>
    [Fact]
    public async Task TheInbox_OnAPhone_ShowsEachTaskAsACard_AndOnAWideScreenAsATableRow()
    {
        await GiveDinkesATaskAsync();
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "dinkes.petugas");

        await page.SetViewportSizeAsync(360, 900);
        await page.GotoAsync("/Tugas");
        var row = page.Locator("tr[data-task]").First;
        await Assertions.Expect(row.Locator("a", new() { HasText = "Buka" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("table.inbox-rows thead")).ToBeHiddenAsync();
        var card = (await row.BoundingBoxAsync())!;
        var (task, report) = ((await row.Locator("td").Nth(0).BoundingBoxAsync())!, (await row.Locator("td").Nth(1).BoundingBoxAsync())!);
        Assert.True(card.Width <= 360, $"the card is {card.Width} px wide on a 360 px screen");
        Assert.True(report.Y >= task.Y + task.Height - 1, "on a phone the report's title goes under the task's name");
        Assert.Equal(1, await page.Locator($"[data-task] a[href$='{await row.GetAttributeAsync("data-task")}']").CountAsync());

        await page.SetViewportSizeAsync(1280, 900);
        await Assertions.Expect(page.Locator("table.inbox-rows thead")).ToBeVisibleAsync();
        (task, report) = ((await row.Locator("td").Nth(0).BoundingBoxAsync())!, (await row.Locator("td").Nth(1).BoundingBoxAsync())!);
        Assert.True(Math.Abs(report.Y - task.Y) < 1 && report.X > task.X, "on a wide screen the report's title is beside the task's name");
    }

    [Fact]
    public async Task StaffPagesInEnglish_FitEveryWidth_WithoutWrappedButtons()
    {
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();
        await SignInAsync(page, "admin");
        await page.GotoAsync("/Tugas");
        await page.Locator("form.language-switch button[data-lang=en]").ClickAsync();
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");

        var problems = await ProblemsAsync(page, ["/Tugas", "/Notifikasi", "/Desain", "/Audit", "/Audit/Kinerja", "/Admin/Pengguna"]);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    [Fact]
    public async Task CitizenPages_FitEveryWidth_WithoutWrappedButtons()
    {
        string code;
        await using (var scope = host.Services.CreateAsyncScope())
            code = (await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking()
                .Where(r => !r.IsConfidential && r.Latitude != null).Select(r => r.TrackingCode).FirstAsync()).ToString();
        await using var context = await host.NewContextAsync();
        var page = await context.NewPageAsync();

        var problems = await ProblemsAsync(page, ["/", "/Laporan", "/Laporan?tampilan=peta", "/Laporan/Buat", "/Lacak", $"/Lacak/{code}", $"/Laporan/{code}", "/Akun/Masuk"]);

        Assert.True(problems.Count == 0, string.Join(Environment.NewLine, problems));
    }

    private static async Task<List<string>> ProblemsAsync(IPage page, IReadOnlyList<string> paths)
    {
        var problems = new List<string>();
        foreach (var width in Widths)
        {
            await page.SetViewportSizeAsync(width, 900);
            foreach (var path in paths)
            {
                var response = await page.GotoAsync(path);
                if (response is not { Ok: true })
                {
                    problems.Add($"{width} px {path}: answered {response?.Status}");
                    continue;
                }
                problems.AddRange((await LayoutProbe.ProblemsAsync(page)).Select(p => $"{width} px {path}: {p}"));
            }
        }
        return problems;
    }

    private static async Task SignInAsync(IPage page, string user)
    {
        await page.GotoAsync("/Akun/Masuk");
        await page.Locator("#Form_UserName").FillAsync(user);
        await page.Locator("#Form_Password").FillAsync(user == "admin" ? Admin.Browser.AdminPassword : Admin.Browser.DemoPassword);
        await page.Locator("form button[type=submit]").Last.ClickAsync();
        await page.WaitForURLAsync(url => !url.Contains("/Akun/Masuk", StringComparison.Ordinal));
    }

    // A task, a case and an account this user may open, taken from the pages that list them.
    private async Task<List<string>> ResolveAsync(IPage page, IEnumerable<string> pages)
    {
        var paths = new List<string>();
        foreach (var path in pages)
        {
            switch (path)
            {
                case TaskPage:
                    await page.GotoAsync("/Tugas");
                    var task = await page.Locator("tr[data-task]").First.GetAttributeAsync("data-task");
                    paths.Add($"/Tugas/{task}");
                    break;
                case CasePage:
                    paths.Add($"/Audit/Kasus/{await DemoCodeAsync()}");
                    break;
                case UserPage:
                    await page.GotoAsync("/Admin/Pengguna");
                    paths.Add((await page.Locator("a[href^='/Admin/Pengguna/']:not([href$='/Baru'])").First.GetAttributeAsync("href"))!);
                    break;
                default:
                    paths.Add(path);
                    break;
            }
        }
        return paths;
    }

    // The demo data leaves Dinkes with nothing open: the coordinator sends it the report still waiting for verification.
    private async Task GiveDinkesATaskAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var report = await db.Reports.AsNoTracking().SingleAsync(r => r.Title == Waiting);
        if (await db.Set<TaskRow>().AnyAsync(t => t.InstanceId == report.ProcessInstanceId && t.TaskDefinitionKey == "verifikasi"))
            await CaseSteps.CompleteAsync(host.Services, report.TrackingCode.ToString(), "verifikasi", new { decision = "verify", agency = "dinkes" }, "koordinator");
    }

    private async Task<string> DemoCodeAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking()
            .SingleAsync(r => r.Title == "Usul jalur sepeda terpisah di kawasan Renon");
        return report.TrackingCode.ToString();
    }
}
