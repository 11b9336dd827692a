using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Host.Tests.Reports;

namespace Lapor.Host.Tests.OpenApi;

/// <summary>The OpenAPI document describes the public APIs an integrator uses, and nothing meant for staff.</summary>
public sealed class OpenApiDocumentTests(ReportsHost host) : IClassFixture<ReportsHost>
{
    [Fact]
    public async Task Document_DescribesTheReportsApiAndOpen311_WithTagsAndSummaries()
    {
        var document = await host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        Assert.StartsWith("3.", document.GetProperty("openapi").GetString());
        Assert.Equal("Lapor API", document.GetProperty("info").GetProperty("title").GetString());
        var paths = document.GetProperty("paths");
        foreach (var path in new[]
                 {
                     "/api/reports", "/api/reports/{code}", "/api/reports/track/{code}", "/open311/v2/services.{format}",
                     "/open311/v2/services/{service_code}.{format}", "/open311/v2/requests.{format}",
                     "/open311/v2/requests/{service_request_id}.{format}", "/api/national/reports",
                 })
            Assert.True(paths.TryGetProperty(path, out _), $"{path} is not in the document");
        var filing = paths.GetProperty("/open311/v2/requests.{format}").GetProperty("post");
        Assert.Equal("Open311", filing.GetProperty("tags")[0].GetString());
        Assert.False(string.IsNullOrWhiteSpace(filing.GetProperty("summary").GetString()));
        Assert.True(filing.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/x-www-form-urlencoded", out _));
        Assert.True(filing.GetProperty("responses").TryGetProperty("403", out _));
        var national = paths.GetProperty("/api/national/reports").GetProperty("post");
        Assert.True(national.GetProperty("requestBody").GetProperty("content").TryGetProperty("application/json", out _));
        Assert.True(national.GetProperty("responses").TryGetProperty("401", out _));
        var list = paths.GetProperty("/open311/v2/requests.{format}").GetProperty("get");
        var parameters = list.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString()).ToList();
        Assert.Contains("start_date", parameters);
        Assert.Contains("service_request_id", parameters);
    }

    [Fact]
    public async Task Document_LeavesOutTheEngineApiAndThePages()
    {
        var document = await host.CreateClient().GetFromJsonAsync<JsonElement>("/openapi/v1.json");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToList();
        Assert.All(paths, p => Assert.True(p.StartsWith("/api/reports", StringComparison.Ordinal) || p.StartsWith("/api/national/", StringComparison.Ordinal)
                                             || p.StartsWith("/open311/", StringComparison.Ordinal), p));
    }

    [Fact]
    public async Task ReferencePage_LoadsScalarFromThisHost_WithNoInlineScript()
    {
        using var client = host.CreateClient();
        var page = await client.GetStringAsync("/api/docs");
        using var bundle = await client.GetAsync("/api/docs/scalar.js");
        var script = await bundle.Content.ReadAsStringAsync();

        Assert.Contains("<script src=\"/api/docs/scalar.js\"></script>", page);
        Assert.DoesNotMatch("<script(?![^>]*\\bsrc=)[^>]*>", page);
        Assert.DoesNotContain("cdn.jsdelivr", page);
        Assert.Equal(HttpStatusCode.OK, bundle.StatusCode);
        Assert.Contains("createApiReference", script);
    }
}
