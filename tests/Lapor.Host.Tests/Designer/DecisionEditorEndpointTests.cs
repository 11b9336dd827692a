using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapor.Host.Pages.Designer;
using Lapor.Host.Tests.Admin;

namespace Lapor.Host.Tests.Designer;

/// <summary>The decision editor's checks, as its script calls them, in the page's language: Indonesian, or English by choice.</summary>
public sealed partial class DecisionEditorEndpointTests(AdminHost host) : IClassFixture<AdminHost>
{
    private const string Key = "rute-uji-bahasa";

    [Theory]
    [InlineData("", "Keputusan 'rute-uji-bahasa': 'SOMETIMES' bukan hit policy (gunakan UNIQUE, FIRST, ANY, RULE ORDER atau COLLECT).")]
    [InlineData("&culture=en-US", "Decision 'rute-uji-bahasa': 'SOMETIMES' is not a hit policy (use UNIQUE, FIRST, ANY, RULE ORDER or COLLECT).")]
    public async Task AnEngineRule_IsToldInThePagesLanguage(string culture, string message)
    {
        var xml = NewDecisionTable.Xml(Key).Replace("hitPolicy=\"FIRST\"", "hitPolicy=\"SOMETIMES\"");

        var problem = Assert.Single((await ValidateAsync(Key, xml, culture)).EnumerateArray());

        Assert.Equal($"{Key}-table", problem.GetProperty("elementId").GetString());
        Assert.Equal(message, problem.GetProperty("message").GetString());
    }

    [Theory]
    [InlineData("", "Berkas ini tidak memuat keputusan dengan id 'rute-uji-bahasa'; pertahankan id keputusan tabel ini.")]
    [InlineData("&culture=en-US", "The file has no decision with id 'rute-uji-bahasa'; keep the decision id of this table.")]
    public async Task ATableThatLostItsKey_IsToldInThePagesLanguage(string culture, string message)
    {
        var problem = Assert.Single((await ValidateAsync(Key, NewDecisionTable.Xml("rute-lain"), culture)).EnumerateArray());

        Assert.Equal(message, problem.GetProperty("message").GetString());
    }

    [Fact]
    public async Task ANewTable_OpensInTheEditor_FromTheListsForm()
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        var list = await coordinator.Client.GetStringAsync("/Desain/Keputusan");
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["NewKey"] = "tabel-baru-uji",
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(Token().Match(list).Groups[1].Value),
        });

        using var created = await coordinator.Client.PostAsync("/Desain/Keputusan?handler=New", form);
        var editor = created.Headers.Location!.OriginalString;

        Assert.Equal(HttpStatusCode.Redirect, created.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await coordinator.Client.GetAsync(editor)).StatusCode);
    }

    private async Task<JsonElement> ValidateAsync(string key, string xml, string culture)
    {
        using var coordinator = await Browser.SignedInAsync(host, "koordinator", Browser.DemoPassword);
        var page = $"/Desain/Keputusan/{key}?baru=true";
        var form = await coordinator.Client.GetStringAsync(page);
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/Desain/Keputusan/{key}?handler=Validate{culture}") { Content = JsonContent.Create(new { key, xml }) };
        request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value));
        using var response = await coordinator.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
