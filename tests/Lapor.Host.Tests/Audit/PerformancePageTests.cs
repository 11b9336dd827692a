using System.Net;
using Lapor.Host.Audit.Performance;
using Lapor.Host.Data;
using Lapor.Host.Tests.Admin;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Lapor.Host.Tests.Audit;

/// <summary>The scenario stored in the database: the dashboard, its case lists and exports show the hand-computed figures.</summary>
public sealed class PerformancePageTests : IClassFixture<PerformanceHost>, IAsyncLifetime
{
    private static readonly SemaphoreSlim Stored = new(1, 1);
    private readonly PerformanceHost _host;

    public PerformancePageTests(PerformanceHost host) => _host = host;

    public async Task InitializeAsync()
    {
        await Stored.WaitAsync();
        try
        {
            await using var scope = _host.Services.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
            var code = _host.Scenario.OnTime.TrackingCode;
            if (!db.Reports.Any(r => r.TrackingCode == code))
            {
                db.Reports.AddRange(_host.Scenario.Reports);
                await db.SaveChangesAsync();
            }
        }
        finally
        {
            Stored.Release();
        }
    }

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task QueryService_GivesTheHandComputedFigures_FromTheDatabase()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<PerformanceQueries>().ReportAsync(Period.Month(2027, 2));
        var dinkes = report.For("dinkes")!;
        Assert.Equal(5, dinkes.Count(Figure.Received));
        Assert.Equal(1.0 / 3, dinkes.OnTimeShare!.Value, 6);
        Assert.Equal(5.0, dinkes.MedianResponseDays);
        Assert.Equal(7, dinkes.Percentile90ResponseDays);
        Assert.Equal(3.5, dinkes.AverageRating);
        Assert.Equal(0.5, report.For("dishub")!.ReopenRate);
        Assert.Equal(1, report.For("dishub")!.Rank);
    }

    [Fact]
    public async Task Auditor_SeesTheFigures_AndEachLinksToItsCases()
    {
        using var auditor = await Browser.SignedInAsync(_host, "auditor", Browser.DemoPassword);
        var page = await auditor.Client.GetStringAsync("/Audit/Kinerja?periode=2027-02");
        Assert.Contains("data-agency=\"dinkes\"", page);
        Assert.Contains("33,3%", page);
        // The total row says why it is not the sum of the agency rows.
        Assert.Contains("dihitung sekali", System.Net.WebUtility.HtmlDecode(page.Split("id=\"all-agencies-note\"")[1].Split("</small>")[0]));
        Assert.Contains("/Audit/Kinerja/Kasus?periode=2027-02&amp;instansi=dinkes&amp;angka=Late", page);
        Assert.Matches("src=\"/lib/chart.js/chart.umd.min[^\"]*.js\"", page);

        var late = await auditor.Client.GetStringAsync("/Audit/Kinerja/Kasus?periode=2027-02&instansi=dinkes&angka=Late");
        Assert.Contains($"data-code=\"{_host.Scenario.Code(_host.Scenario.Late)}\"", late);
        Assert.Contains($"data-code=\"{_host.Scenario.Code(_host.Scenario.Overdue)}\"", late);
        Assert.DoesNotContain($"data-code=\"{_host.Scenario.Code(_host.Scenario.OnTime)}\"", late);
    }

    [Fact]
    public async Task CsvAndXlsx_HoldTheSameFigures()
    {
        using var auditor = await Browser.SignedInAsync(_host, "auditor", Browser.DemoPassword);
        var csv = await auditor.Client.GetStringAsync("/Audit/Kinerja?handler=Csv&periode=2027-02");
        var lines = csv.TrimStart('\uFEFF').Split("\r\n");
        Assert.StartsWith("period,agency_code,agency_name,rank,received,verified,completed,completion_rate,answered,on_time,late,on_time_share", lines[0]);
        var dinkes = lines.Single(l => l.StartsWith("2027-02,dinkes,", StringComparison.Ordinal)).Split(',');
        Assert.Equal(["2", "5", "5", "2", "0.5", "2", "1", "2", "0.3333", "5", "7", "1", "0", "1", "0", "1", "2", "0", "0", "2", "3.5"], dinkes[3..]);

        var xlsx = await auditor.Client.GetByteArrayAsync("/Audit/Kinerja?handler=Xlsx&periode=2027-02");
        using var stream = new MemoryStream(xlsx);
        var rows = stream.Query(useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = rows.Single(r => (string)r["agency_code"] == "dishub");
        Assert.Equal(2.0, Convert.ToDouble(row["received"], System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(1, Convert.ToInt32(row["rank"], System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task Ombudsman_SeesTheFigures_ButListsNoCaseThatWasNotEscalated()
    {
        using var ombudsman = await Browser.SignedInAsync(_host, "ombudsman", Browser.DemoPassword);
        Assert.Contains("data-agency=\"dinkes\"", await ombudsman.Client.GetStringAsync("/Audit/Kinerja?periode=2027-02"));
        var late = await ombudsman.Client.GetStringAsync("/Audit/Kinerja/Kasus?periode=2027-02&instansi=dinkes&angka=Late");
        Assert.DoesNotContain("data-code=", late);
    }

    [Theory]
    [InlineData("pelapor")]
    [InlineData("dinkes.petugas")]
    public async Task ReporterAndOfficer_AreRefusedTheDashboardItsCasesAndExports(string user)
    {
        using var browser = await Browser.SignedInAsync(_host, user, Browser.DemoPassword);
        Assert.DoesNotContain("href=\"/Audit\"", await browser.Client.GetStringAsync("/"));
        foreach (var url in new[] { "/Audit", "/Audit/Kinerja?periode=2027-02", "/Audit/Kinerja?handler=Csv&periode=2027-02", "/Audit/Kinerja?handler=Xlsx&periode=2027-02", "/Audit/Kinerja/Kasus?periode=2027-02&instansi=dinkes&angka=Late" })
        {
            var response = await browser.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Status/403", StringComparison.Ordinal)
                        || response.StatusCode == HttpStatusCode.Forbidden, $"{user} {url}: {response.StatusCode}");
        }
    }

    [Theory]
    [InlineData("auditor")]
    [InlineData("ombudsman")]
    [InlineData("koordinator")]
    public async Task AuditRoles_GetTheMenuLinkAndTheDashboard(string user)
    {
        using var browser = await Browser.SignedInAsync(_host, user, Browser.DemoPassword);
        Assert.Contains("href=\"/Audit\"", await browser.Client.GetStringAsync("/"));
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/Audit/Kinerja?periode=2027-S1")).StatusCode);
    }
}
