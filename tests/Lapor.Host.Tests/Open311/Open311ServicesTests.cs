using System.Net;

namespace Lapor.Host.Tests.Open311;

/// <summary>Report categories as GeoReport services, in JSON and XML, and errors in GeoReport's own shape.</summary>
public sealed class Open311ServicesTests(Open311Host host) : IClassFixture<Open311Host>
{
    [Fact]
    public async Task ServicesJson_ListsEveryCategory_WithIndonesianNamesAndTheSpecFields()
    {
        var (response, body) = await host.GetJsonAsync("/open311/v2/services.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        var services = body.EnumerateArray().ToList();
        Assert.Equal(20, services.Count);
        var road = services.Single(s => s.GetProperty("service_code").GetString() == "jalan");
        Assert.Equal("Infrastruktur jalan dan jembatan", road.GetProperty("service_name").GetString());
        Assert.Contains("Infrastruktur jalan dan jembatan", road.GetProperty("description").GetString());
        Assert.False(road.GetProperty("metadata").GetBoolean());
        Assert.Equal("realtime", road.GetProperty("type").GetString());
        Assert.Contains("jembatan", road.GetProperty("keywords").GetString()!.Split(','));
        Assert.StartsWith("Dinas Pekerjaan Umum", road.GetProperty("group").GetString());
    }

    [Theory]
    [InlineData("en", "Complaints, aspirations or requests for information about Infrastruktur jalan dan jembatan. Once verified")]
    [InlineData("id", "Pengaduan, aspirasi atau permintaan informasi tentang Infrastruktur jalan dan jembatan. Setelah diverifikasi")]
    public async Task AServicesDescription_IsInTheClientsLanguage_AroundTheCataloguesNames(string language, string description)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        var services = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/open311/v2/services.json")).RootElement;

        var road = services.EnumerateArray().Single(s => s.GetProperty("service_code").GetString() == "jalan");
        Assert.StartsWith(description, road.GetProperty("description").GetString());
    }

    [Fact]
    public async Task ServicesXml_IsWellFormed_WithAServiceElementPerCategory()
    {
        var (response, xml) = await host.GetXmlAsync("/open311/v2/services.xml");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/xml", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("UTF-8", xml.Declaration?.Encoding, ignoreCase: true);
        Assert.Equal("services", xml.Root!.Name.LocalName);
        var services = xml.Root.Elements("service").ToList();
        Assert.Equal(20, services.Count);
        var health = services.Single(s => s.Element("service_code")!.Value == "kesehatan");
        Assert.Equal("Kesehatan", health.Element("service_name")!.Value);
        Assert.Equal("false", health.Element("metadata")!.Value);
        Assert.Equal("realtime", health.Element("type")!.Value);
        Assert.Equal("Dinas Kesehatan Provinsi Bali", health.Element("group")!.Value);
    }

    [Theory]
    [InlineData("json")]
    [InlineData("xml")]
    public async Task OneService_AnswersItsDefinition_WithNoAttributes(string format)
    {
        using var response = await host.CreateClient().GetAsync($"/open311/v2/services/jalan.{format}");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        if (format == "xml")
        {
            var root = System.Xml.Linq.XDocument.Parse(text).Root!;
            Assert.Equal("service_definition", root.Name.LocalName);
            Assert.Equal("jalan", root.Element("service_code")!.Value);
            Assert.Empty(root.Element("attributes")!.Elements());
        }
        else
        {
            var json = System.Text.Json.JsonDocument.Parse(text).RootElement;
            Assert.Equal("jalan", json.GetProperty("service_code").GetString());
            Assert.Equal(0, json.GetProperty("attributes").GetArrayLength());
        }
    }

    [Fact]
    public async Task UnknownService_Is404_InTheSpecErrorFormat_JsonAndXml()
    {
        var (json, body) = await host.GetJsonAsync("/open311/v2/services/tidak-ada.json");
        var (xml, document) = await host.GetXmlAsync("/open311/v2/services/tidak-ada.xml");

        Assert.Equal(HttpStatusCode.NotFound, json.StatusCode);
        var error = Assert.Single(body.EnumerateArray().ToList());
        Assert.Equal(404, error.GetProperty("code").GetInt32());
        Assert.StartsWith("service_code:", error.GetProperty("description").GetString());
        Assert.Equal(HttpStatusCode.NotFound, xml.StatusCode);
        Assert.Equal("errors", document.Root!.Name.LocalName);
        Assert.Equal("404", document.Root.Element("error")!.Element("code")!.Value);
        Assert.StartsWith("service_code:", document.Root.Element("error")!.Element("description")!.Value);
    }

    [Theory]
    [InlineData("/open311/v2/services.html", HttpStatusCode.BadRequest)]
    [InlineData("/open311/v2/requests.csv", HttpStatusCode.BadRequest)]
    [InlineData("/open311/v2/services", HttpStatusCode.NotFound)]
    [InlineData("/open311/v3/services.json", HttpStatusCode.NotFound)]
    public async Task UnknownFormatsAndPaths_GetTheSpecErrorList_NeverAPage(string path, HttpStatusCode status)
    {
        var (response, body) = await host.GetJsonAsync(path);

        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal((int)status, Assert.Single(body.EnumerateArray().ToList()).GetProperty("code").GetInt32());
    }
}
