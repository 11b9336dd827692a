using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Open311;

/// <summary>
/// Filing and reading service requests as a partner application would: a filed request is a real report with its
/// process, and what comes back never holds a confidential report or anything about the reporter.
/// </summary>
public sealed class Open311RequestsTests(Open311Host host) : IClassFixture<Open311Host>
{
    [Fact]
    public async Task FilingWithAGoodKey_CreatesAReport_ReadableByIdAndByItsTrackingCode()
    {
        using var response = await host.PostAsync(Open311Host.Form("Lubang besar di tengah jalan, sudah dua motor jatuh minggu ini."));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var receipt = Assert.Single(body.EnumerateArray().ToList());
        var id = receipt.GetProperty("service_request_id").GetString()!;
        Assert.StartsWith("LPR-", id);
        Assert.False(string.IsNullOrWhiteSpace(receipt.GetProperty("service_notice").GetString()));

        var (read, found) = await host.GetJsonAsync($"/open311/v2/requests/{id}.json");
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
        var request = Assert.Single(found.EnumerateArray().ToList());
        Assert.Equal(id, request.GetProperty("service_request_id").GetString());
        Assert.Equal("open", request.GetProperty("status").GetString());
        Assert.Equal("Menunggu verifikasi", request.GetProperty("status_notes").GetString());
        Assert.Equal("jalan", request.GetProperty("service_code").GetString());
        Assert.Equal("Infrastruktur jalan dan jembatan", request.GetProperty("service_name").GetString());
        Assert.Equal("Jl. Teuku Umar, Denpasar", request.GetProperty("address").GetString());
        Assert.Equal(-8.6705, request.GetProperty("lat").GetDouble());
        Assert.Equal(115.2126, request.GetProperty("long").GetDouble());
        // ISO 8601 with the configured zone's offset (WITA).
        Assert.EndsWith("+08:00", request.GetProperty("requested_datetime").GetString());
        Assert.True(DateTimeOffset.TryParse(request.GetProperty("updated_datetime").GetString(), out _));

        var tracked = await host.CreateClient().GetFromJsonAsync<JsonElement>($"/api/reports/track/{id}");
        Assert.Equal("Lubang besar di tengah jalan, sudah dua motor jatuh minggu ini.", tracked.GetProperty("description").GetString());
        // Same intake as the portal: the report runs in its process from the start.
        await using var scope = host.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking()
            .SingleAsync(r => r.TrackingCode == TrackingCode.Parse(id));
        Assert.NotNull(report.ProcessInstanceId);
        // The partner app's user never agreed to a published name: filed as anonymous, still public.
        Assert.True(report.IsAnonymous);
        Assert.False(report.IsConfidential);
        var published = await host.CreateClient().GetFromJsonAsync<JsonElement>($"/api/reports/{id}");
        Assert.Equal("Anonim", published.GetProperty("reporterName").GetString());
        Assert.Equal("wayan@example.com", report.Reporter.Email);
    }

    [Fact]
    public async Task FilingInXml_AnswersAServiceRequestsDocument()
    {
        using var response = await host.PostAsync(Open311Host.Form("Lampu penerangan jalan mati sepanjang 200 meter."), "xml");
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var id = xml.Root.Element("request")!.Element("service_request_id")!.Value;
        var (_, read) = await host.GetXmlAsync($"/open311/v2/requests/{id}.xml");
        Assert.Equal("open", read.Root!.Element("request")!.Element("status")!.Value);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("kunci-salah")]
    public async Task FilingWithoutAValidKey_IsRefused403_InTheSpecFormat_AndStoresNothing(string? key)
    {
        var before = await ReportCountAsync();

        using var response = await host.PostAsync(Open311Host.Form("Sampah menumpuk di pinggir jalan.", apiKey: key));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        var error = Assert.Single(body.EnumerateArray().ToList());
        Assert.Equal(403, error.GetProperty("code").GetInt32());
        Assert.StartsWith("api_key:", error.GetProperty("description").GetString());
        Assert.Equal(before, await ReportCountAsync());
    }

    [Fact]
    public async Task FilingWithoutADescription_Is400_NamingTheField_AndStoresNothing()
    {
        var before = await ReportCountAsync();
        var form = Open311Host.Form("");
        form.Remove("description");

        using var response = await host.PostAsync(form, "xml");
        var xml = System.Xml.Linq.XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("errors", xml.Root!.Name.LocalName);
        var error = Assert.Single(xml.Root.Elements("error"));
        Assert.Equal("400", error.Element("code")!.Value);
        Assert.StartsWith("description:", error.Element("description")!.Value);
        Assert.Equal(before, await ReportCountAsync());
    }

    [Fact]
    public async Task FilingWithAnUnknownServiceAndNoLocation_ListsBothFields()
    {
        var form = Open311Host.Form("Jembatan gantung retak.", serviceCode: "tidak-ada");
        form.Remove("lat");
        form.Remove("long");
        form.Remove("address_string");

        using var response = await host.PostAsync(form);
        var descriptions = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(e => e.GetProperty("description").GetString()!).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(descriptions, d => d.StartsWith("lat:", StringComparison.Ordinal));
        Assert.Contains(descriptions, d => d.StartsWith("service_code:", StringComparison.Ordinal));
    }

    [Fact]
    public async Task List_FiltersByStatusAndServiceCode()
    {
        var open = await host.FileAsync("Saluran air tersumbat di depan sekolah.", "air-bersih");
        var closed = await host.FileAsync("Air PDAM keruh tiga hari berturut-turut.", "air-bersih");
        var otherService = await host.FileAsync("Antrean puskesmas terlalu panjang.", "kesehatan");
        await ChangeReportAsync(closed, r => r.Close(DateTimeOffset.UtcNow));

        var openIds = await IdsAsync("/open311/v2/requests.json?service_code=air-bersih&status=open");
        var closedIds = await IdsAsync("/open311/v2/requests.json?service_code=air-bersih&status=closed");
        var both = await IdsAsync("/open311/v2/requests.json?service_code=air-bersih,kesehatan");

        Assert.Contains(open, openIds);
        Assert.DoesNotContain(closed, openIds);
        Assert.DoesNotContain(otherService, openIds);
        Assert.Equal([closed], closedIds);
        Assert.Contains(otherService, both);
        Assert.Contains(closed, both);
        var (_, closedBody) = await host.GetJsonAsync($"/open311/v2/requests/{closed}.json");
        Assert.Equal("closed", closedBody[0].GetProperty("status").GetString());
    }

    [Fact]
    public async Task List_DefaultsToTheLast90Days_AndTakesAWindowOfDates()
    {
        var recent = await host.FileAsync("Pohon tumbang menutup jalan desa.", "kebencanaan");
        var old = await host.FileAsync("Tanggul jebol sejak musim hujan lalu.", "kebencanaan");
        var longAgo = new DateTimeOffset(2026, 3, 10, 2, 0, 0, TimeSpan.Zero);
        await using (var scope = host.Services.CreateAsyncScope())
            await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.Where(r => r.TrackingCode == TrackingCode.Parse(old))
                .ExecuteUpdateAsync(s => s.SetProperty(r => r.SubmittedAt, longAgo));

        var byDefault = await IdsAsync("/open311/v2/requests.json?service_code=kebencanaan");
        var march = await IdsAsync("/open311/v2/requests.json?service_code=kebencanaan&start_date=2026-03-01T00:00:00Z&end_date=2026-03-31T00:00:00%2B08:00");
        var (tooLong, tooLongBody) = await host.GetJsonAsync("/open311/v2/requests.json?start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z");
        var (badDate, badDateBody) = await host.GetJsonAsync("/open311/v2/requests.json?start_date=kemarin");

        Assert.Contains(recent, byDefault);
        Assert.DoesNotContain(old, byDefault);
        Assert.Equal([old], march);
        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.StartsWith("end_date:", tooLongBody[0].GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.StartsWith("start_date:", badDateBody[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task List_ByServiceRequestIds_AnswersExactlyThose()
    {
        var first = await host.FileAsync("Trotoar rusak di depan pasar.");
        var second = await host.FileAsync("Marka jalan pudar di perempatan.");

        var ids = await IdsAsync($"/open311/v2/requests.json?service_request_id={first},{second}&service_code=kesehatan");

        // The ids override the other parameters, service_code included.
        Assert.Equal(new[] { first, second }.Order(StringComparer.Ordinal), ids.Order(StringComparer.Ordinal));
    }

    [Fact]
    public async Task ConfidentialReport_NeverAppears_NotInTheListNorById()
    {
        var code = await host.SubmitThroughApiAsync("Oknum petugas meminta uang tambahan untuk mempercepat izin.", confidential: true);

        var listed = await IdsAsync("/open311/v2/requests.json?service_code=perizinan");
        var byIds = await IdsAsync($"/open311/v2/requests.json?service_request_id={code}");
        var (json, jsonBody) = await host.GetJsonAsync($"/open311/v2/requests/{code}.json");
        var (xml, xmlBody) = await host.GetXmlAsync($"/open311/v2/requests/{code}.xml");

        Assert.DoesNotContain(code, listed);
        Assert.Empty(byIds);
        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        Assert.Equal(404, jsonBody[0].GetProperty("code").GetInt32());
        Assert.Equal(HttpStatusCode.NotFound, xml.StatusCode);
        Assert.Equal("errors", xmlBody.Root!.Name.LocalName);
        // The reporter's own tracking still works: the report exists, Open311 just never shows it.
        Assert.Equal(HttpStatusCode.OK, (await host.CreateClient().GetAsync($"/api/reports/track/{code}")).StatusCode);
    }

    [Fact]
    public async Task AnonymousReport_ShowsNoReporterData_InJsonOrXml()
    {
        var code = await host.SubmitThroughApiAsync("Pelayanan KTP elektronik dipungut biaya tanpa kuitansi.", anonymous: true);

        using var json = await host.CreateClient().GetAsync($"/open311/v2/requests/{code}.json");
        using var xml = await host.CreateClient().GetAsync($"/open311/v2/requests/{code}.xml");
        using var list = await host.CreateClient().GetAsync("/open311/v2/requests.xml?service_code=perizinan");

        Assert.Equal(HttpStatusCode.OK, json.StatusCode);
        foreach (var text in new[] { await json.Content.ReadAsStringAsync(), await xml.Content.ReadAsStringAsync(), await list.Content.ReadAsStringAsync() })
        {
            Assert.Contains(code, text);
            Assert.DoesNotContain("Kadek", text);
            Assert.DoesNotContain("kadek.rahasia@example.com", text);
            Assert.DoesNotContain("81298765432", text);
        }
        var fields = JsonDocument.Parse(await json.Content.ReadAsStringAsync()).RootElement[0].EnumerateObject().Select(p => p.Name);
        Assert.DoesNotContain(fields, f => f.Contains("name", StringComparison.Ordinal) && f != "service_name"
            || f.Contains("email", StringComparison.Ordinal) || f.Contains("phone", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RequestsXml_ParsesWithSystemXml_AsServiceRequests()
    {
        var id = await host.FileAsync("Rambu lalu lintas roboh di tikungan tajam.", "transportasi");

        var (response, xml) = await host.GetXmlAsync("/open311/v2/requests.xml?service_code=transportasi");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("service_requests", xml.Root!.Name.LocalName);
        var request = Assert.Single(xml.Root.Elements("request"), r => r.Element("service_request_id")!.Value == id);
        Assert.Equal("transportasi", request.Element("service_code")!.Value);
        Assert.Equal("Rambu lalu lintas roboh di tikungan tajam.", request.Element("description")!.Value);
        Assert.Equal("-8.6705", request.Element("lat")!.Value);
        Assert.NotNull(request.Element("agency_responsible"));
    }

    private async Task<List<string>> IdsAsync(string path)
    {
        var (response, body) = await host.GetJsonAsync(path);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return body.EnumerateArray().Select(r => r.GetProperty("service_request_id").GetString()!).ToList();
    }

    private async Task<int> ReportCountAsync()
    {
        await using var scope = host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.CountAsync();
    }

    private async Task ChangeReportAsync(string code, Func<Report, IReadOnlyList<FieldError>> change)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var report = await db.Reports.SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code));
        Assert.Empty(change(report));
        await db.SaveChangesAsync();
    }
}
