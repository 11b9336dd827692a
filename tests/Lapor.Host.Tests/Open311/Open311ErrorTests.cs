using System.Net;
using System.Text;
using System.Text.Json;
using System.Xml.Linq;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Open311;

/// <summary>Whatever goes wrong under /open311, the client gets GeoReport's error list: never a page, never a stack trace.</summary>
public sealed class Open311ErrorTests(Open311ErrorTests.Host host) : IClassFixture<Open311ErrorTests.Host>
{
    public sealed class Host : Reports.ReportsHost
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Lapor:Open311:ApiKeys:0", Open311Host.ApiKey);
        }

        protected override void AddServices(IServiceCollection services) => services.AddSingleton<IStartupFilter>(new FailingEndpoint());

        /// <summary>A path that throws, after the product's own endpoints, inside its error handling.</summary>
        private sealed class FailingEndpoint : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((http, rest) => http.Request.Path.StartsWithSegments("/open311/v2/uji-gagal.xml")
                    ? throw new InvalidOperationException("secret detail /work/Lapor.Host/Secret.cs")
                    : rest(http));
            };
        }
    }

    [Fact]
    public async Task AnUnhandledError_Is500_InTheSpecXml_WithOnlyACorrelationId()
    {
        using var response = await host.CreateClient().GetAsync("/open311/v2/uji-gagal.xml");
        var body = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        var error = XDocument.Parse(body).Root!.Element("error")!;
        Assert.Equal("500", error.Element("code")!.Value);
        foreach (var leak in new[] { "Exception", "   at ", "/work/", "secret detail", ".cs:line" })
            Assert.DoesNotContain(leak, body);
    }

    [Theory]
    [InlineData("{\"service_code\":\"jalan\"}", "application/json")]
    [InlineData("service_code=jalan", "text/plain")]
    public async Task ABodyThatIsNoForm_Is415_InTheSpecFormat(string content, string type)
    {
        using var response = await host.CreateClient().PostAsync("/open311/v2/requests.json", new StringContent(content, Encoding.UTF8, type));
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.UnsupportedMediaType, response.StatusCode);
        Assert.Equal(415, body[0].GetProperty("code").GetInt32());
        Assert.StartsWith("body:", body[0].GetProperty("description").GetString());
    }

    [Fact]
    public async Task AMultipartForm_IsAcceptedAsWell()
    {
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in Open311Host.Form("Got tersumbat sampah plastik di Jl. Gatot Subroto."))
            content.Add(new StringContent(value!), name);

        using var response = await host.CreateClient().PostAsync("/open311/v2/requests.json", content);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.StartsWith("LPR-", JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("service_request_id").GetString());
    }

    [Fact]
    public async Task AnOversizedForm_Is400_InTheSpecFormat_AndStoresNothing()
    {
        var form = Open311Host.Form(new string('x', 70 * 1024));

        using var response = await host.CreateClient().PostAsync("/open311/v2/requests.json",
            new FormUrlEncodedContent(form.Select(f => KeyValuePair.Create(f.Key, f.Value!))));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(400, JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0].GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("LPR-2345-6789-AB")]
    [InlineData("bukan-kode")]
    public async Task AnUnknownRequestId_Is404_InTheSpecFormat(string id)
    {
        using var response = await host.CreateClient().GetAsync($"/open311/v2/requests/{id}.xml");
        var xml = XDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("404", xml.Root!.Element("error")!.Element("code")!.Value);
    }

    [Fact]
    public async Task AWrongMethod_GetsTheSpecErrorList()
    {
        using var response = await host.CreateClient().DeleteAsync("/open311/v2/services.json");
        var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;

        Assert.Equal(HttpStatusCode.MethodNotAllowed, response.StatusCode);
        Assert.Equal(405, body[0].GetProperty("code").GetInt32());
    }

    [Theory]
    [InlineData("en", "An error occurred on the server; quote ")]
    [InlineData("id", "Terjadi kesalahan pada server; sebutkan kode ")]
    public async Task AnUnhandledError_IsToldInTheClientsLanguage(string language, string description)
    {
        using var response = await Client(language).GetAsync("/open311/v2/uji-gagal.xml");
        var text = XDocument.Parse(await response.Content.ReadAsStringAsync()).Root!.Element("error")!.Element("description")!.Value;

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.StartsWith(description, text);
        Assert.DoesNotContain(" / ", text);
    }

    [Theory]
    [InlineData("en", "/open311/v2/tidak-ada.json", 404, "Unknown path. Use e.g. /open311/v2/services.json.")]
    [InlineData("id", "/open311/v2/tidak-ada.json", 404, "Alamat tidak dikenal. Gunakan mis. /open311/v2/services.json.")]
    [InlineData("en", "/open311/v2/services.csv", 400, "format: use .json or .xml")]
    [InlineData("id", "/open311/v2/services.csv", 400, "format: gunakan .json atau .xml")]
    [InlineData("en", "/open311/v2/services/tidak-ada.json", 404, "service_code: unknown service tidak-ada")]
    [InlineData("id", "/open311/v2/services/tidak-ada.json", 404, "service_code: layanan tidak-ada tidak dikenal")]
    [InlineData("en", "/open311/v2/requests/LPR-2345-6789-AB.json", 404, "service_request_id: report LPR-2345-6789-AB not found")]
    [InlineData("id", "/open311/v2/requests/LPR-2345-6789-AB.json", 404, "service_request_id: laporan LPR-2345-6789-AB tidak ditemukan")]
    public async Task AnError_IsWrittenOnlyInTheClientsLanguage(string language, string path, int status, string description)
    {
        using var response = await Client(language).GetAsync(path);
        var error = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement[0];

        Assert.Equal(status, (int)response.StatusCode);
        Assert.Equal(description, error.GetProperty("description").GetString());
    }

    [Theory]
    [InlineData("en-GB", "status: must be open or closed", "start_date: not an ISO 8601 date")]
    [InlineData("id-ID", "status: harus open atau closed", "start_date: bukan tanggal ISO 8601")]
    public async Task EveryFilterMistake_IsToldInTheClientsLanguage(string language, string status, string date)
    {
        using var response = await Client(language).GetAsync("/open311/v2/requests.json?status=pending&start_date=kemarin");
        var descriptions = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.EnumerateArray()
            .Select(e => e.GetProperty("description").GetString()!).ToList();

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(status, descriptions);
        Assert.Contains(descriptions, d => d.StartsWith(date, StringComparison.Ordinal));
    }

    private HttpClient Client(string language)
    {
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        return client;
    }
}
