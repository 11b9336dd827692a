using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Xml.Linq;

namespace Lapor.Host.Tests.RateLimits;

/// <summary>
/// A refusal for too many requests is written in the language the client reads: an API client's Accept-Language, a
/// visitor's chosen language on the pages; an Open311 client gets it as GeoReport's error list, not problem details.
/// Each test uses its own addresses, so budgets one test spends never reach another.
/// </summary>
public sealed class RateLimitLanguageTests(RateLimitedHost host) : IClassFixture<RateLimitedHost>
{
    [Theory]
    [InlineData("198.51.100.60", "en-US,en;q=0.8", "Too many requests.", "Try again in ")]
    [InlineData("198.51.100.61", "id-ID,id;q=0.9", "Terlalu banyak permintaan.", "Coba lagi dalam ")]
    [InlineData("198.51.100.62", null, "Terlalu banyak permintaan.", "Coba lagi dalam ")]
    public async Task TheJsonApisRefusal_IsInTheClientsLanguage(string address, string? acceptLanguage, string title, string detail)
    {
        var client = Client(address, acceptLanguage);
        for (var i = 0; i < RateLimitedHost.Tracking; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/api/reports/track/LPR-0000-0000")).StatusCode);

        using var refused = await client.GetAsync("/api/reports/track/LPR-0000-0000");
        var problem = await refused.Content.ReadFromJsonAsync<JsonElement>();

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal(title, problem.GetProperty("title").GetString());
        Assert.StartsWith(detail, problem.GetProperty("detail").GetString());
        Assert.Contains(refused.Headers.RetryAfter!.Delta!.Value.TotalSeconds.ToString("0"), problem.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("198.51.100.63", "en", "Too many requests from your address; try again in ")]
    [InlineData("198.51.100.64", "id", "Terlalu banyak permintaan dari alamat Anda; coba lagi dalam ")]
    public async Task AnOpen311Refusal_IsGeoReportsErrorList_InTheClientsLanguage(string address, string acceptLanguage, string description)
    {
        var partner = Client(address, acceptLanguage);
        for (var i = 0; i < RateLimitedHost.AnonymousSubmissions; i++)
            Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync("/open311/v2/requests.json", Open311Form(i))).StatusCode);

        using var refused = await partner.PostAsync("/open311/v2/requests.xml", Open311Form(9));
        var error = XDocument.Parse(await refused.Content.ReadAsStringAsync()).Root!.Element("error")!;

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("text/xml", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal("429", error.Element("code")!.Value);
        Assert.StartsWith(description, error.Element("description")!.Value);
    }

    [Theory]
    [InlineData("198.51.100.65", "?culture=en-US", "You sent too many requests in a short time.")]
    [InlineData("198.51.100.66", "", "Anda mengirim terlalu banyak permintaan dalam waktu singkat.")]
    public async Task ThePagesRefusal_IsInTheVisitorsLanguage_WhateverTheBrowserAccepts(string address, string query, string text)
    {
        // The browser asks for English in both cases: the pages follow the visitor's choice, not Accept-Language.
        var visitor = Client(address, "en-US");
        for (var i = 0; i < RateLimitedHost.Tracking; i++)
            Assert.Equal(HttpStatusCode.OK, (await visitor.GetAsync("/Lacak" + query)).StatusCode);

        using var refused = await visitor.GetAsync("/Lacak" + query);

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Contains(text, WebUtility.HtmlDecode(await refused.Content.ReadAsStringAsync()));
    }

    private HttpClient Client(string address, string? acceptLanguage)
    {
        var client = host.ClientFrom(address);
        if (acceptLanguage is not null)
            client.DefaultRequestHeaders.Add("Accept-Language", acceptLanguage);
        return client;
    }

    private static FormUrlEncodedContent Open311Form(int i) => new(Open311.Open311Host.Form($"Laporan Open311 bahasa nomor {i}: lampu jalan mati.")
        .Select(f => KeyValuePair.Create(f.Key, f.Value!)));
}
