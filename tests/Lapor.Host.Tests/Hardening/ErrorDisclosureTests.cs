using System.Net;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Hardening;

/// <summary>
/// Bad requests and failures as an anonymous caller meets them. The test host runs in Development, the environment
/// where ASP.NET Core would show exception details by default: nothing of the exception may reach the client.
/// </summary>
public sealed class ErrorDisclosureTests(ErrorDisclosureTests.Host host) : IClassFixture<ErrorDisclosureTests.Host>
{
    public sealed class Host : Reports.ReportsHost
    {
        protected override void AddServices(IServiceCollection services) =>
            services.AddSingleton<IStartupFilter>(new FailingEndpoints());

        /// <summary>Two paths that throw, appended after the product's own endpoints, inside its error handling.</summary>
        private sealed class FailingEndpoints : IStartupFilter
        {
            public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
            {
                next(app);
                app.Use((http, rest) => http.Request.Path.Value is "/api/uji-gagal" or "/uji-gagal"
                    ? throw new InvalidOperationException("secret detail /work/Lapor.Host/Secret.cs")
                    : rest(http));
            };
        }
    }

    private HttpClient Anonymous => host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    private static void AssertNothingLeaks(string body)
    {
        foreach (var leak in new[] { "Exception", "   at ", "/work/", "secret detail", ".cs:line", "StackTrace" })
            Assert.DoesNotContain(leak, body);
    }

    [Theory]
    [InlineData("{bad", "body")]
    [InlineData("{\"type\":\"Keluhan\",\"title\":\"x\"}", "type")]
    [InlineData("{\"type\":\"Complaint\",\"incidentDate\":\"kemarin\"}", "incidentDate")]
    [InlineData("{\"type\":\"Complaint\",\"latitude\":\"utara\"}", "latitude")]
    [InlineData("", "body")]
    public async Task AMalformedSubmission_Gets400_NamingTheField_AndNoExceptionDetail(string json, string field)
    {
        using var response = await Anonymous.PostAsync("/api/reports", new StringContent(json, Encoding.UTF8, "application/json"));
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        AssertNothingLeaks(body);
        using var problem = JsonDocument.Parse(body);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty(field, out _), body);
    }

    [Fact]
    public async Task AnOversizedSubmission_Gets413_SayingTheLimit()
    {
        var json = "{\"type\":\"Complaint\",\"description\":\"" + new string('a', 70 * 1024) + "\"}";
        using var response = await Anonymous.PostAsync("/api/reports", new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("64 KB", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task AnUnbindableQuery_Gets400ProblemDetails_NotAnException()
    {
        using var response = await Anonymous.GetAsync("/api/reports?page=abc");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        AssertNothingLeaks(body);
    }

    [Fact]
    public async Task AnUnhandledErrorInTheApi_Gets500ProblemDetails_WithOnlyACorrelationId()
    {
        using var response = await Anonymous.GetAsync("/api/uji-gagal");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json", body[..Math.Min(body.Length, 600)]);
        AssertNothingLeaks(body);
        using var problem = JsonDocument.Parse(body);
        Assert.False(string.IsNullOrEmpty(problem.RootElement.GetProperty("correlationId").GetString()));
    }

    [Fact]
    public async Task AnUnhandledErrorOnAPage_ShowsTheErrorPage_WithTheCorrelationId()
    {
        using var response = await Anonymous.GetAsync("/uji-gagal");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        AssertNothingLeaks(body);
        Assert.Contains("Kode kejadian", body);
    }

    [Theory]
    [InlineData("/Status/403", HttpStatusCode.Forbidden)]
    [InlineData("/Status/404", HttpStatusCode.NotFound)]
    [InlineData("/halaman-yang-tidak-ada", HttpStatusCode.NotFound)]
    public async Task StatusPages_AnswerWithTheStatusTheyDescribe(string path, HttpStatusCode expected)
    {
        using var response = await Anonymous.GetAsync(path);
        Assert.Equal(expected, response.StatusCode);
    }

    [Theory]
    [InlineData("en-US", "An error occurred on the server.", "Quote ")]
    [InlineData("id-ID", "Terjadi kesalahan pada server.", "Sebutkan kode ")]
    public async Task AnUnhandledErrorInTheApi_IsToldInTheClientsLanguage(string language, string title, string detail)
    {
        using var client = Anonymous;
        client.DefaultRequestHeaders.Add("Accept-Language", language);
        using var response = await client.GetAsync("/api/uji-gagal");
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());

        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(title, problem.RootElement.GetProperty("title").GetString());
        Assert.StartsWith(detail + problem.RootElement.GetProperty("correlationId").GetString(), problem.RootElement.GetProperty("detail").GetString());
    }

    [Theory]
    [InlineData("/uji-gagal?culture=en-US", HttpStatusCode.InternalServerError, "Something went wrong on the server", "Incident code")]
    [InlineData("/uji-gagal", HttpStatusCode.InternalServerError, "Terjadi kesalahan pada server", "Kode kejadian")]
    [InlineData("/halaman-yang-tidak-ada?culture=en-US", HttpStatusCode.NotFound, "Page not found", "does not exist")]
    [InlineData("/halaman-yang-tidak-ada", HttpStatusCode.NotFound, "Halaman tidak ditemukan", "tidak ada")]
    [InlineData("/Status/503?culture=en-US", HttpStatusCode.ServiceUnavailable, "Incident code", "Go to the home page")]
    public async Task StatusPages_AreInTheVisitorsLanguage(string path, HttpStatusCode expected, string title, string text)
    {
        using var client = Anonymous;
        // The pages follow the visitor's choice (cookie or ?culture=), never the browser's Accept-Language.
        client.DefaultRequestHeaders.Add("Accept-Language", "en-US");
        using var response = await client.GetAsync(path);
        var body = WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

        Assert.Equal(expected, response.StatusCode);
        Assert.Contains(title, body);
        Assert.Contains(text, body);
    }
}
