using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Host.Hardening;
using Lapor.Host.Tests.RateLimits;

namespace Lapor.Host.Tests.SimilarReports;

/// <summary><c>/api/reports/similar</c> as integrators and a flood see it: in the OpenAPI document, and budgeted per address.</summary>
public sealed class SimilarReportsApiTests(RateLimitedHost host) : IClassFixture<RateLimitedHost>
{
    [Fact]
    public async Task TheOpenApiDocument_DescribesTheEndpoint_ItsParametersAndItsAnswer()
    {
        var document = await host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var similar = document.GetProperty("paths").GetProperty("/api/reports/similar").GetProperty("get");
        Assert.Equal("Reports", similar.GetProperty("tags")[0].GetString());
        Assert.Equal("Laporan serupa", similar.GetProperty("summary").GetString());
        Assert.Contains("confidential", similar.GetProperty("description").GetString());
        var parameters = similar.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Equal(["title", "category", "lat", "lon"], parameters);
        Assert.True(similar.GetProperty("responses").TryGetProperty("200", out _));
        Assert.True(similar.GetProperty("responses").TryGetProperty("400", out _));
    }

    [Fact]
    public async Task Suggestions_FromOneAddress_AreBudgeted_WhileOtherAddressesStillAsk()
    {
        var budget = new RateLimitSettings().SimilarReports.PermitLimit;
        var typing = host.ClientFrom("198.51.100.40");
        for (var i = 0; i < budget; i++)
            Assert.Equal(HttpStatusCode.OK, (await typing.GetAsync("/api/reports/similar?title=lampu%20jalan")).StatusCode);

        using var refused = await typing.GetAsync("/api/reports/similar?title=lampu%20jalan");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.True(refused.Headers.RetryAfter is not null);
        Assert.Equal(HttpStatusCode.OK, (await host.ClientFrom("198.51.100.41").GetAsync("/api/reports/similar?title=lampu%20jalan")).StatusCode);
    }
}
