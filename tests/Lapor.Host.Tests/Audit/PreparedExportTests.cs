using System.Net;
using System.Text;
using System.Text.Json;
using Lapor.Host.Audit.Exports;
using Lapor.Host.Audit.Performance;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Host.Tests.Admin;
using Lapor.Workflows.Calendars;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace Lapor.Host.Tests.Audit;

/// <summary>
/// A period's export is prepared in the background (decision 036): the request answers at once with a page that shows
/// the progress, the file holds every case of the period in the one-case export's shape, and only its requester sees it.
/// </summary>
public sealed class PreparedExportTests(PreparedExportTests.Host host) : IClassFixture<PreparedExportTests.Host>
{
    /// <summary>The audit host reading two cases per step, so even a small period takes many steps.</summary>
    public sealed class Host : AuditHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Lapor:Exports:CasesPerStep", "2");
        }
    }

    [Fact]
    public async Task PeriodCsv_IsPreparedInTheBackground_AndHoldsEveryCaseOfThePeriod_Redacted()
    {
        await host.AnsweredAsync(name: "Wayan Sudarsana Putra");
        await host.SubmitAsync(name: "Wayan Sudarsana Putra");
        var period = CurrentYear();
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);

        var (id, status) = await RequestAndWaitAsync(auditor, period, "csv");

        var expected = await CodesInAsync(period);
        Assert.True(expected.Count > 4, $"the period should take several steps, it has {expected.Count} cases");
        Assert.Equal(expected.Count, status.GetProperty("casesTotal").GetInt32());
        Assert.Equal(expected.Count, status.GetProperty("casesDone").GetInt32());
        Assert.Equal(expected.Count, status.GetProperty("casesWritten").GetInt32());
        var csv = Encoding.UTF8.GetString(await auditor.Client.GetByteArrayAsync(status.GetProperty("file").GetString()));
        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("\uFEFFtracking_code,title,agency,status,reporter_name", lines[0]);
        Assert.Equal(expected.Order(), lines.Skip(1).Select(l => l[..l.IndexOf(',')]).Distinct().Order());
        Assert.Contains(",engine,", csv);
        Assert.DoesNotContain("Wayan Sudarsana Putra", csv, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("gede@example.com", csv, StringComparison.OrdinalIgnoreCase);

        var page = WebUtility.HtmlDecode(await auditor.Client.GetStringAsync($"/Audit/Ekspor/Berkas/{id}"));
        Assert.Contains("id=\"prepared-download\"", page);
        Assert.Contains($"Siap: {expected.Count:N0} kasus", page.Replace('\u00A0', ' '));
        Assert.DoesNotContain("http-equiv=\"refresh\"", page);
    }

    [Fact]
    public async Task ReportsSubmittedAtOneInstant_AcrossSteps_AreEachExportedOnce()
    {
        var codes = new List<string>();
        for (var i = 0; i < 5; i++)
            codes.Add((await host.SubmitAsync(title: $"Lampu jalan padam di gang {i + 1}")).TrackingCode.ToString());
        // Five reports with one submission instant: the steps of two must neither skip nor repeat any of them.
        var list = string.Join(",", codes.Select(c => $"'{c}'"));
        await host.SqlAsync($"UPDATE report SET SubmittedAt = (SELECT MIN(SubmittedAt) FROM report WHERE TrackingCode IN ({list})) WHERE TrackingCode IN ({list})");
        var period = CurrentYear();
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);

        var (_, status) = await RequestAndWaitAsync(auditor, period, "json");
        using var whole = JsonDocument.Parse(await auditor.Client.GetStringAsync(status.GetProperty("file").GetString()));
        var exported = whole.RootElement.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("trackingCode").GetString()!).ToList();
        Assert.Equal(exported.Count, exported.Distinct().Count());
        Assert.All(codes, c => Assert.Contains(c, exported));
        Assert.Equal((await CodesInAsync(period)).Order(), exported.Order());
    }

    [Fact]
    public async Task PeriodJson_HasTheOneCaseExportsShape_ForEveryCase()
    {
        var report = await host.AnsweredAsync();
        var period = CurrentYear();
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);

        var (_, status) = await RequestAndWaitAsync(auditor, period, "json");
        using var whole = JsonDocument.Parse(await auditor.Client.GetStringAsync(status.GetProperty("file").GetString()));
        var root = whole.RootElement;
        Assert.Equal($"period:{period}", root.GetProperty("scope").GetString());
        Assert.Equal("auditor", root.GetProperty("exportedBy").GetString());
        Assert.False(root.GetProperty("reporterRevealed").GetBoolean());
        var codes = root.GetProperty("cases").EnumerateArray().Select(c => c.GetProperty("trackingCode").GetString()!).ToList();
        Assert.Equal((await CodesInAsync(period)).Order(), codes.Order());

        // The period's entry for a case is the one-case export's entry for it.
        using var single = JsonDocument.Parse(await auditor.Client.GetStringAsync($"/Audit/Ekspor?handler=Download&kasus={report.TrackingCode}&format=json"));
        var one = single.RootElement.GetProperty("cases")[0];
        var same = root.GetProperty("cases").EnumerateArray().Single(c => c.GetProperty("trackingCode").GetString() == report.TrackingCode.ToString());
        Assert.Equal(one.ToString(), same.ToString());
    }

    [Fact]
    public async Task PeriodXlsx_HasItsThreeSheets()
    {
        await host.AnsweredAsync();
        var period = CurrentYear();
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);

        var (_, status) = await RequestAndWaitAsync(auditor, period, "xlsx");
        using var stream = new MemoryStream(await auditor.Client.GetByteArrayAsync(status.GetProperty("file").GetString()));
        Assert.Equal(["cases", "timeline", "journal"], stream.GetSheetNames());
        var cases = stream.Query(useHeaderRow: true, sheetName: "cases").Cast<IDictionary<string, object>>().Select(c => (string)c["tracking_code"]).ToList();
        Assert.Equal((await CodesInAsync(period)).Order(), cases.Order());
    }

    [Fact]
    public async Task AnExport_IsSeenOnlyByWhoAskedForIt_AndAskingAgainWhileItIsPreparedJoinsIt()
    {
        await host.SubmitAsync();
        var period = CurrentYear();
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);

        // While an export is being built (here by another host, its claim still fresh), the same request joins it.
        var busy = new PreparedExport
        {
            Id = Guid.CreateVersion7(), RequestedBy = "auditor", Period = period, Format = "csv", State = PreparedExportState.Building,
            CreatedAt = DateTime.UtcNow, ClaimedUntil = DateTime.UtcNow.AddMinutes(10),
        };
        await using (var scope = host.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
            db.PreparedExports.Add(busy);
            await db.SaveChangesAsync();
            Assert.Equal(busy.Id, await RequestAsync(auditor, period, "csv"));
            Assert.NotEqual(busy.Id, await RequestAsync(coordinator, period, "csv"));
            await db.PreparedExports.Where(e => e.Id == busy.Id).ExecuteUpdateAsync(u => u.SetProperty(e => e.State, PreparedExportState.Failed));
        }
        // Once it is done, asking again means wanting today's cases: a new export.
        var (id, _) = await RequestAndWaitAsync(auditor, period, "csv");
        Assert.NotEqual(busy.Id, id);
        Assert.NotEqual(id, await RequestAsync(auditor, period, "json"));
        foreach (var url in new[] { $"/Audit/Ekspor/Berkas/{id}", $"/Audit/Ekspor/Berkas/{id}?handler=Status", $"/Audit/Ekspor/Berkas/{id}?handler=File" })
            Assert.Equal(HttpStatusCode.NotFound, (await coordinator.Client.GetAsync(url)).StatusCode);
    }

    [Fact]
    public async Task Reveal_OfAPeriod_IsLoggedWithEveryCase_AndIsNeverReusedForAPlainExport()
    {
        await host.AnsweredAsync(name: "Ketut Arya Wibawa");
        var period = CurrentYear();
        using var auditor = await Browser.SignedInAsync(host, "auditor", Browser.DemoPassword);
        var plain = await RequestAsync(auditor, period, "csv");

        var why = "Pemeriksaan dugaan laporan palsu berulang, surat tugas 12/2026.";
        var response = await auditor.PostFormAsync("/Audit/Ekspor", "/Audit/Ekspor?handler=Reveal",
            new() { ["periode"] = period, ["format"] = "csv", ["alasan"] = why });
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var revealed = Guid.Parse(response.Headers.Location!.OriginalString.Split('/').Last());
        Assert.NotEqual(plain, revealed);
        var status = await WaitAsync(auditor, revealed);
        var csv = Encoding.UTF8.GetString(await auditor.Client.GetByteArrayAsync(status.GetProperty("file").GetString()));
        Assert.Contains("Ketut Arya Wibawa", csv);

        await using var scope = host.Services.CreateAsyncScope();
        var entry = (await scope.ServiceProvider.GetRequiredService<RevealLog>().RecentAsync(500)).First(r => r.Reason == why);
        Assert.Equal($"period:{period}", entry.Scope);
        Assert.Equal((await CodesInAsync(period)).Order(), entry.Cases.Order());
        Assert.Contains(why, WebUtility.HtmlDecode(await auditor.Client.GetStringAsync($"/Audit/Ekspor/Berkas/{revealed}")));

        // A plain request afterwards gets a plain export, never the revealed file.
        var after = await RequestAsync(auditor, period, "csv");
        Assert.NotEqual(revealed, after);
        Assert.DoesNotContain("Ketut Arya Wibawa", Encoding.UTF8.GetString(
            await auditor.Client.GetByteArrayAsync((await WaitAsync(auditor, after)).GetProperty("file").GetString())));
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        var refused = await coordinator.PostFormAsync("/Audit/Ekspor", "/Audit/Ekspor?handler=Reveal",
            new() { ["periode"] = period, ["format"] = "csv", ["alasan"] = why });
        Assert.DoesNotContain("/Berkas/", refused.Headers.Location?.OriginalString ?? "");
        Assert.NotEqual(HttpStatusCode.OK, refused.StatusCode);
    }

    [Fact]
    public async Task Ombudsman_PeriodExport_HoldsEscalatedCasesOnly()
    {
        var plain = (await host.AnsweredAsync()).TrackingCode.ToString();
        var escalated = (await host.EscalatedAsync()).TrackingCode.ToString();
        var period = CurrentYear();
        using var ombudsman = await Browser.SignedInAsync(host, "ombudsman", Browser.DemoPassword);

        var (_, status) = await RequestAndWaitAsync(ombudsman, period, "csv");
        var csv = Encoding.UTF8.GetString(await ombudsman.Client.GetByteArrayAsync(status.GetProperty("file").GetString()));
        Assert.Contains(escalated, csv);
        Assert.DoesNotContain(plain, csv);
        Assert.True(status.GetProperty("casesWritten").GetInt32() < status.GetProperty("casesDone").GetInt32());
    }

    [Fact]
    public async Task ABuildLeftByAStoppedHost_IsTakenOver_AndFinishedExportsExpire()
    {
        await host.SubmitAsync();
        await using var scope = host.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<LaporDb>();
        var now = DateTime.UtcNow;
        // Claimed by a host that stopped three minutes ago, half way.
        var left = new PreparedExport
        {
            Id = Guid.CreateVersion7(), RequestedBy = "auditor", Period = CurrentYear(), Format = "csv", State = PreparedExportState.Building,
            CasesDone = 2, CreatedAt = now.AddMinutes(-5), ClaimedUntil = now.AddMinutes(-3),
        };
        // Finished two days ago.
        var old = new PreparedExport
        {
            Id = Guid.CreateVersion7(), RequestedBy = "auditor", Period = CurrentYear(), Format = "csv", State = PreparedExportState.Ready,
            CreatedAt = now.AddDays(-2), FinishedAt = now.AddDays(-2), Length = 3,
        };
        db.PreparedExports.AddRange(left, old);
        await db.SaveChangesAsync();
        var files = services.GetRequiredService<IAttachmentStore>();
        await files.SaveAsync(old.StoredName, new MemoryStream("a,b"u8.ToArray()), 3);

        var builder = services.GetRequiredService<ExportBuilder>();
        await builder.BuildWaitingAsync(CancellationToken.None);
        Assert.Equal(1, await builder.ForgetExpiredAsync(CancellationToken.None));

        var taken = await db.PreparedExports.AsNoTracking().SingleAsync(e => e.Id == left.Id);
        Assert.Equal(PreparedExportState.Ready, taken.State);
        Assert.Equal((await CodesInAsync(left.Period)).Count, taken.CasesWritten);
        await using (var content = await files.OpenAsync(left.StoredName))
            Assert.NotNull(content);
        Assert.False(await db.PreparedExports.AnyAsync(e => e.Id == old.Id));
        Assert.Null(await files.OpenAsync(old.StoredName));
        // Built under the data folder, and nothing left there once the file is stored.
        Assert.Empty(Directory.GetFiles(Path.Combine(host.DataDirectory, ExportBuilder.BuildFolder)));
    }

    private static string CurrentYear() =>
        TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Asia/Makassar")).Year.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task<List<string>> CodesInAsync(string periodCode)
    {
        Assert.True(Period.TryParse(periodCode, out var period));
        await using var scope = host.Services.CreateAsyncScope();
        var (start, end) = period.Bounds(scope.ServiceProvider.GetRequiredService<BusinessCalendar>().Zone);
        var codes = await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking()
            .Where(r => r.SubmittedAt >= start && r.SubmittedAt < end).Select(r => r.TrackingCode).ToListAsync();
        return codes.ConvertAll(c => c.ToString());
    }

    /// <summary>Asks for the export as the page's form does; the answer is a redirect to the export's own page.</summary>
    private static async Task<Guid> RequestAsync(Browser user, string period, string format)
    {
        var response = await user.Client.GetAsync($"/Audit/Ekspor?handler=Download&periode={period}&format={format}");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.OriginalString;
        Assert.Contains("/Audit/Ekspor/Berkas/", location);
        return Guid.Parse(location.Split('/').Last());
    }

    private static async Task<(Guid Id, JsonElement Status)> RequestAndWaitAsync(Browser user, string period, string format)
    {
        var id = await RequestAsync(user, period, format);
        return (id, await WaitAsync(user, id));
    }

    private static async Task<JsonElement> WaitAsync(Browser user, Guid id)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            using var status = JsonDocument.Parse(await user.Client.GetStringAsync($"/Audit/Ekspor/Berkas/{id}?handler=Status"));
            var state = status.RootElement.GetProperty("state").GetString();
            Assert.NotEqual("Failed", state);
            if (state == "Ready")
                return status.RootElement.Clone();
            Assert.True(DateTime.UtcNow < deadline, $"export {id} still {state} after a minute");
            await Task.Delay(100);
        }
    }
}
