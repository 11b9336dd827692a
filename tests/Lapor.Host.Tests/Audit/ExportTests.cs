using System.Net;
using System.Text;
using System.Text.Json;
using Lapor.Host.Audit.Exports;
using Lapor.Host.Tests.Admin;
using Lapor.Workflows.History;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Lapor.Host.Tests.Audit;

/// <summary>Exports hide the reporter, named or anonymous; an auditor's reveal needs a reason and is logged on a verified chain.</summary>
public sealed class ExportTests(AuditHost host) : IClassFixture<AuditHost>
{
    private const string Redacted = ReporterExport.Redacted;

    [Theory]
    [InlineData(true, "Ni Luh Sekar Wangi")]
    [InlineData(false, "Komang Adi Saputra")]
    public async Task EveryFormat_HidesTheReporter_AnonymousOrNamed(bool anonymous, string name)
    {
        var report = await host.AnsweredAsync(anonymous, name);
        var code = report.TrackingCode.ToString();
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);

        var json = await auditor.Client.GetStringAsync($"/Audit/Ekspor?handler=Download&kasus={code}&format=json");
        using var doc = JsonDocument.Parse(json);
        var exported = doc.RootElement.GetProperty("cases")[0];
        Assert.Equal(code, exported.GetProperty("trackingCode").GetString());
        Assert.Equal(Redacted, exported.GetProperty("reporter").GetProperty("name").GetString());
        Assert.Equal(Redacted, exported.GetProperty("reporter").GetProperty("email").GetString());
        Assert.False(exported.GetProperty("reporter").GetProperty("revealed").GetBoolean());
        Assert.True(exported.GetProperty("journal").GetArrayLength() > 5);
        Assert.True(exported.GetProperty("timeline").GetArrayLength() >= 3);

        var csv = Encoding.UTF8.GetString(await auditor.Client.GetByteArrayAsync($"/Audit/Ekspor?handler=Download&kasus={code}&format=csv"));
        var xlsx = await auditor.Client.GetByteArrayAsync($"/Audit/Ekspor?handler=Download&kasus={code}&format=xlsx");
        using var stream = new MemoryStream(xlsx);
        var sheets = stream.GetSheetNames();
        Assert.Equal(["cases", "timeline", "journal"], sheets);
        var cases = stream.Query(useHeaderRow: true, sheetName: "cases").Cast<IDictionary<string, object>>().Single();
        Assert.Equal(Redacted, cases["reporter_name"]);
        foreach (var text in new[] { json, csv, string.Join("|", cases.Values) })
        {
            Assert.DoesNotContain(name, text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("gede@example.com", text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain("81337000111", text, StringComparison.Ordinal);
        }
        Assert.Contains(code, csv);
        Assert.Contains(",engine,", csv);
    }

    [Fact]
    public async Task AuditorsReveal_NeedsAReason_AndIsLoggedWithWhoWhenAndWhy()
    {
        var report = await host.AnsweredAsync(anonymous: true, name: "Ni Made Ayu Lestari");
        var code = report.TrackingCode.ToString();
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);

        var refused = await auditor.PostFormAsync("/Audit/Ekspor", "/Audit/Ekspor?handler=Reveal", new() { ["kasus"] = code, ["format"] = "json", ["alasan"] = " " });
        Assert.Contains("id=\"export-error\"", await refused.Content.ReadAsStringAsync());
        Assert.DoesNotContain(await RevealsAsync(), r => r.Cases.Contains(code));

        var before = DateTimeOffset.UtcNow.AddSeconds(-1);
        const string why = "Pemeriksaan dugaan laporan palsu atas permintaan Inspektur.";
        var revealed = await auditor.PostFormAsync("/Audit/Ekspor", "/Audit/Ekspor?handler=Reveal", new() { ["kasus"] = code, ["format"] = "json", ["alasan"] = why });
        Assert.Equal(HttpStatusCode.OK, revealed.StatusCode);
        using var doc = JsonDocument.Parse(await revealed.Content.ReadAsStringAsync());
        Assert.Equal("Ni Made Ayu Lestari", doc.RootElement.GetProperty("cases")[0].GetProperty("reporter").GetProperty("name").GetString());
        Assert.Equal(why, doc.RootElement.GetProperty("revealReason").GetString());

        var entry = Assert.Single(await RevealsAsync(), r => r.Cases.Contains(code));
        Assert.Equal("auditor", entry.Actor);
        Assert.Equal(why, entry.Reason);
        Assert.Equal($"case:{code}", entry.Scope);
        Assert.InRange(entry.When, before, DateTimeOffset.UtcNow.AddSeconds(1));
        Assert.True((await host.WithDbAsync(db => new HistoryVerifier(db).VerifyAsync(RevealLog.Chain))).Intact);
        Assert.Contains(why, WebUtility.HtmlDecode(await auditor.Client.GetStringAsync("/Audit/Ekspor")));
    }

    [Fact]
    public async Task CoordinatorMayExport_ButNotReveal()
    {
        var report = await host.AnsweredAsync(name: "Putu Eka Wirawan");
        var code = report.TrackingCode.ToString();
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.GetAsync($"/Audit/Ekspor?handler=Download&kasus={code}&format=csv")).StatusCode);
        Assert.DoesNotContain("id=\"reveal-form\"", await coordinator.Client.GetStringAsync("/Audit/Ekspor"));
        var response = await coordinator.PostFormAsync("/Audit/Ekspor", "/Audit/Ekspor?handler=Reveal", new() { ["kasus"] = code, ["format"] = "json", ["alasan"] = "Saya ingin tahu siapa pelapornya." });
        Assert.NotEqual(HttpStatusCode.OK, response.StatusCode);
        Assert.DoesNotContain(await RevealsAsync(), r => r.Cases.Contains(code));
    }

    [Fact]
    public async Task Ombudsman_ExportsEscalatedCasesOnly()
    {
        var plain = (await host.AnsweredAsync()).TrackingCode.ToString();
        var escalated = (await host.EscalatedAsync()).TrackingCode.ToString();
        using var ombudsman = await Browser.SignedInAsync(host, "ombudsman", Browser.DemoPassword);
        Assert.Equal(HttpStatusCode.NotFound, (await ombudsman.Client.GetAsync($"/Audit/Ekspor?handler=Download&kasus={plain}&format=json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await ombudsman.Client.GetAsync($"/Audit/Ekspor?handler=Download&kasus={escalated}&format=json")).StatusCode);
    }

    [Theory]
    [InlineData("pelapor")]
    [InlineData("dinkes.petugas")]
    public async Task ReporterAndOfficer_AreRefusedExports(string user)
    {
        var code = (await host.AnsweredAsync()).TrackingCode.ToString();
        using var browser = await Browser.SignedInAsync(host, user, Browser.DemoPassword);
        foreach (var url in new[] { "/Audit/Ekspor", $"/Audit/Ekspor?handler=Download&kasus={code}&format=json", "/Audit/Ekspor?handler=Download&periode=2026&format=csv" })
        {
            var response = await browser.Client.GetAsync(url);
            Assert.True(response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.OriginalString.Contains("/Status/403", StringComparison.Ordinal),
                $"{user} {url}: {response.StatusCode}");
        }
    }

    private async Task<IReadOnlyList<RevealEntry>> RevealsAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<RevealLog>().RecentAsync(500);
    }
}
