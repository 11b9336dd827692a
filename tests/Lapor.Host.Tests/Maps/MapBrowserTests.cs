using System.Globalization;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Tests.Audit;
using Lapor.Host.Tests.Hardening;
using Lapor.Host.Tests.Portal;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Lapor.Host.Tests.Maps;

/// <summary>
/// Maps in a real browser, offline: the default OpenStreetMap tiles cannot load here, and the markers must be drawn
/// anyway, with no Content-Security-Policy violation and no script error.
/// </summary>
[Collection(PortalBrowser.Name)]
public sealed class MapBrowserTests(AuditBrowserHost host) : IClassFixture<AuditBrowserHost>
{
    private const string UbudLamps = "Lampu penerangan jalan mati di Jl. Raya Ubud";

    [Fact]
    public async Task Citizen_PicksThePointOnTheMap_OnAPhone_AndTheTrackingPageShowsIt()
    {
        await using var context = await PhoneAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        var page = watch.Page;
        await ReportForm.FillAsync(page, "Trotoar amblas di depan SD Negeri 3 Sanur", ReportForm.Wayan);
        await page.Locator("summary", new() { HasText = "koordinat" }).ClickAsync();
        var map = page.Locator("#peta-pilih-titik[data-ready=true]");
        await Expect(map).ToBeVisibleAsync();
        Assert.Equal(0, await map.Locator(".leaflet-marker-icon").CountAsync());

        await map.ClickAsync(new() { Position = new Position { X = 120, Y = 90 } });

        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        var clicked = await FieldsAsync(page);
        // The map opens over Bali: a click on it lands on the island's degrees.
        Assert.InRange(clicked.Lat, -9.5, -7.5);
        Assert.InRange(clicked.Lon, 114, 116.5);

        var marker = await map.Locator(".leaflet-marker-icon").BoundingBoxAsync();
        await page.Mouse.MoveAsync(marker!.X + marker.Width / 2, marker.Y + marker.Height - 4);
        await page.Mouse.DownAsync();
        await page.Mouse.MoveAsync(marker.X + marker.Width / 2 + 60, marker.Y + marker.Height + 40, new() { Steps = 8 });
        await page.Mouse.UpAsync();

        var dragged = await FieldsAsync(page);
        Assert.True(dragged.Lon > clicked.Lon, $"dragging east moved the longitude from {clicked.Lon} to {dragged.Lon}");
        Assert.True(dragged.Lat < clicked.Lat, $"dragging south moved the latitude from {clicked.Lat} to {dragged.Lat}");
        await AssertFitsAsync(page);
        await watch.AssertNoViolationAsync();

        var code = await ReportForm.SendAsync(page);
        await page.GotoAsync($"/Lacak/{code}");

        var shown = page.Locator("#peta-laporan[data-ready=true]");
        await Expect(shown.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        await Expect(page.Locator("[data-point]")).ToHaveTextAsync(
            $"{dragged.Lat.ToString("F6", CultureInfo.InvariantCulture)}, {dragged.Lon.ToString("F6", CultureInfo.InvariantCulture)}");
        await AssertFitsAsync(page);
        await watch.AssertNoViolationAsync();
    }

    [Fact]
    public async Task TypedCoordinates_MoveTheMarker_AndStillWorkWithoutTheMap()
    {
        await using var context = await PhoneAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        var page = watch.Page;
        await ReportForm.FillAsync(page, "Drainase tersumbat di Jl. Danau Tamblingan", ReportForm.Wayan);
        await page.Locator("summary", new() { HasText = "koordinat" }).ClickAsync();
        var map = page.Locator("#peta-pilih-titik[data-ready=true]");
        await Expect(map).ToBeVisibleAsync();

        await page.Locator("#Form_Latitude").FillAsync("-8.6912");
        await page.Locator("#Form_Longitude").FillAsync("115.2625");
        await page.Locator("#Form_Longitude").DispatchEventAsync("change");

        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        var code = await ReportForm.SendAsync(page);
        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking()
            .SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code));
        Assert.Equal(-8.6912, report.Latitude);
        Assert.Equal(115.2625, report.Longitude);
        await watch.AssertNoViolationAsync();
    }

    [Fact]
    public async Task PublicMap_DrawsAMarkerPerPublicReportWithAPoint_AndTogglesToTheFilteredList()
    {
        await using var context = await PhoneAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        var page = watch.Page;
        string[] expected;
        await using (var scope = host.Services.CreateAsyncScope())
            expected = await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking()
                .Where(r => !r.IsConfidential && r.Latitude != null && r.CategoryCode == "jalan").Select(r => r.Title).ToArrayAsync();

        await page.GotoAsync("/Laporan?kategori=jalan");
        await page.Locator("#pilih-tampilan [data-view=map]").ClickAsync();

        var map = page.Locator("#peta-laporan-publik[data-ready=true]");
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(expected.Length);
        var titles = await map.Locator(".leaflet-marker-icon").EvaluateAllAsync<string[]>("icons => icons.map(i => i.title)");
        Assert.Equal(expected.Order(), titles.Order());
        await map.Locator($".leaflet-marker-icon[title='{UbudLamps}']").ClickAsync();
        await Expect(map.Locator(".leaflet-popup a", new() { HasText = UbudLamps })).ToBeVisibleAsync();
        await AssertFitsAsync(page);
        await watch.AssertNoViolationAsync();

        await page.Locator("#pilih-tampilan [data-view=list]").ClickAsync();
        await Expect(page.Locator("#kategori")).ToHaveValueAsync("jalan");
        Assert.Equal(0, await page.Locator("[data-map]").CountAsync());
    }

    [Fact]
    public async Task Officer_SeesTheReportsPointOnTheTaskPage()
    {
        string taskId;
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
            var instanceId = await db.Reports.Where(r => r.Title == UbudLamps).Select(r => r.ProcessInstanceId).SingleAsync();
            taskId = await db.Set<TaskRow>().Where(t => t.InstanceId == instanceId && t.TaskDefinitionKey == "verifikasi").Select(t => t.Id).SingleAsync();
        }
        await using var context = await host.NewContextAsync();
        var watch = await PolicyWatch.OpenAsync(context);
        await watch.SignInAsync("koordinator");

        await watch.Page.GotoAsync($"/Tugas/{taskId}");

        var map = watch.Page.Locator("#peta-laporan[data-ready=true]");
        await Expect(map.Locator(".leaflet-marker-icon")).ToHaveCountAsync(1);
        await Expect(watch.Page.Locator("[data-point]")).ToHaveTextAsync("-8.506900, 115.262400");
        await watch.AssertNoViolationAsync();
    }

    private Task<IBrowserContext> PhoneAsync() =>
        host.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = host.BaseAddress.ToString(),
            ViewportSize = new ViewportSize { Width = 360, Height = 740 },
        });

    private static async Task<(double Lat, double Lon)> FieldsAsync(IPage page) =>
        (double.Parse(await page.Locator("#Form_Latitude").InputValueAsync(), CultureInfo.InvariantCulture),
         double.Parse(await page.Locator("#Form_Longitude").InputValueAsync(), CultureInfo.InvariantCulture));

    private static async Task AssertFitsAsync(IPage page)
    {
        var widths = await page.EvaluateAsync<int[]>("() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        Assert.True(widths[0] <= widths[1], $"{page.Url} is {widths[0]} px wide in a {widths[1]} px window");
    }
}
