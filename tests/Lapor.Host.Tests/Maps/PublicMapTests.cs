using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapor.Host.Tests.Reports;
using Microsoft.AspNetCore.Hosting;

namespace Lapor.Host.Tests.Maps;

/// <summary>
/// The public list's map view (<c>/Laporan?tampilan=peta</c>) on the demo data: only non-confidential reports with a
/// point, the list's filters applied, at most <c>Lapor:Map:MaxMarkers</c> of them; and the configured tile host is the
/// one outside image source of the Content-Security-Policy.
/// </summary>
public sealed class PublicMapTests(PublicMapTests.MapHost host) : IClassFixture<PublicMapTests.MapHost>
{
    public const string TileTemplate = "https://{s}.peta.example.org:8443/{z}/{x}/{y}.png";

    public sealed class MapHost : ReportsHost
    {
        protected override bool DemoData => true;

        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Lapor:Map:TileUrl", TileTemplate);
            builder.UseSetting("Lapor:Map:MaxMarkers", "2");
        }
    }

    [Fact]
    public async Task MapView_ShowsTheNewestPublicReportsWithAPoint_UpToTheLimit_NeverTheConfidentialOne()
    {
        var (markers, page) = await MarkersAsync("/Laporan?tampilan=peta");

        // Newest first: the confidential report (submitted between these two) is not among them.
        Assert.Equal(["Lampu penerangan jalan mati di Jl. Raya Ubud", "Sampah menumpuk di pinggir Tukad Badung"], markers.Select(m => m.Title));
        Assert.All(markers, m => Assert.StartsWith("/Laporan/LPR-", m.Href));
        Assert.DoesNotContain("pungutan", page, StringComparison.OrdinalIgnoreCase);
        // Four public demo reports have a point; the page says it shows two of them.
        Assert.Contains("Menampilkan 2 laporan terbaru dari 4 laporan dengan titik lokasi", page);
    }

    [Fact]
    public async Task MapView_AppliesTheListsFilters()
    {
        var (markers, page) = await MarkersAsync("/Laporan?tampilan=peta&kategori=jalan");

        Assert.Equal(2, markers.Count);
        Assert.All(markers, m => Assert.Contains("jalan", m.Title, StringComparison.OrdinalIgnoreCase));
        Assert.Contains("2 laporan dengan titik lokasi di peta.", page);
        // Filtering again keeps the map view, and the toggle leads to the list with the same filter.
        Assert.Contains("<input type=\"hidden\" name=\"tampilan\" value=\"peta\">", page);
        Assert.Matches("data-view=\"list\"", page);
        Assert.Contains("href=\"/Laporan?kategori=jalan\"", page);
    }

    [Fact]
    public async Task ListView_HasNoMap_AndOffersTheMapWithTheSameFilter()
    {
        using var client = host.CreateClient();

        var page = await client.GetStringAsync("/Laporan?kategori=jalan&halaman=1");

        Assert.DoesNotContain("data-map", page);
        Assert.DoesNotContain("lib/leaflet", page);
        Assert.Contains("href=\"/Laporan?kategori=jalan&amp;tampilan=peta\"", page);
    }

    [Fact]
    public async Task ThePolicy_LetsImagesComeFromTheConfiguredTileHostOnly()
    {
        using var client = host.CreateClient();

        using var response = await client.GetAsync("/Laporan?tampilan=peta");

        var policy = string.Join(",", response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("img-src 'self' data: blob: https://*.peta.example.org:8443;", policy);
        Assert.DoesNotContain("openstreetmap", policy);
        Assert.Contains($"data-tile-url=\"{TileTemplate}\"", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task ReportPage_ShowsItsPoint_AndTheMapOfIt()
    {
        var (markers, _) = await MarkersAsync("/Laporan?tampilan=peta&kategori=jalan");
        using var client = host.CreateClient();

        var page = await client.GetStringAsync(markers.Single(m => m.Title.Contains("Ubud", StringComparison.Ordinal)).Href);

        Assert.Contains("-8.506900, 115.262400", page);
        // Leaflet once, after the page's content, where no script of the content itself belongs.
        var leaflet = Assert.Single(Regex.Matches(page, "<script src=\"/lib/leaflet/leaflet[^\"]*\\.js")).Index;
        Assert.True(leaflet > page.IndexOf("</main>", StringComparison.Ordinal));
        var single = Markers(page, "peta-laporan");
        Assert.Equal(-8.5069, Assert.Single(single).Lat);
    }

    private async Task<(List<Marker> Markers, string Page)> MarkersAsync(string path)
    {
        using var client = host.CreateClient();
        using var response = await client.GetAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var page = await response.Content.ReadAsStringAsync();
        return (Markers(page, "peta-laporan-publik"), page);
    }

    // The markers the map element carries for report-map.js.
    private static List<Marker> Markers(string page, string mapId)
    {
        var map = Regex.Match(page, $"<div [^>]*id=\"{mapId}\"[^>]*data-markers=\"([^\"]*)\"", RegexOptions.Singleline);
        Assert.True(map.Success, $"no map {mapId}");
        return JsonSerializer.Deserialize<List<Marker>>(WebUtility.HtmlDecode(map.Groups[1].Value), new JsonSerializerOptions(JsonSerializerDefaults.Web))!;
    }

    private sealed record Marker(double Lat, double Lon, string Title, string Href, string? Note);
}
