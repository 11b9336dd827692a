using System.Net;
using Lapor.Host.Hardening;

namespace Lapor.Host.Tests.Hardening;

/// <summary>
/// Every kind of answer the host gives carries the security headers, including the ones written by the error
/// handling and the static files, which run before or outside the pages.
/// </summary>
public sealed class SecurityHeaderTests(ErrorDisclosureTests.Host host) : IClassFixture<ErrorDisclosureTests.Host>
{
    public static TheoryData<string, HttpStatusCode> Responses => new()
    {
        { "/", HttpStatusCode.OK },
        { "/api/reports", HttpStatusCode.OK },
        { "/engine-rest/process-definition", HttpStatusCode.Unauthorized },
        { "/lib/bootstrap/css/bootstrap.min.css", HttpStatusCode.OK },
        { "/tidak-ada-halaman-ini", HttpStatusCode.NotFound },
        { "/api/reports?page=abc", HttpStatusCode.BadRequest },
        { "/uji-gagal", HttpStatusCode.InternalServerError },
        { "/api/uji-gagal", HttpStatusCode.InternalServerError },
    };

    [Theory]
    [MemberData(nameof(Responses))]
    public async Task EveryResponse_CarriesTheSecurityHeaders(string path, HttpStatusCode expected)
    {
        using var anonymous = host.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        using var response = await anonymous.GetAsync(path);

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal(SecurityHeaders.ContentSecurityPolicyFor(new Lapor.Host.Maps.MapSettings()), Header(response, "Content-Security-Policy"));
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal(SecurityHeaders.PermissionsPolicy, Header(response, "Permissions-Policy"));
    }

    [Fact]
    public void ThePolicy_NeverLetsInlineOrEvaluatedScriptsRun()
    {
        var scripts = SecurityHeaders.ContentSecurityPolicyFor(new Lapor.Host.Maps.MapSettings()).Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src"));

        Assert.Equal("script-src 'self'", scripts);
    }

    // Joined, so a header the pipeline added twice shows up as a mismatch instead of passing.
    private static string Header(HttpResponseMessage response, string name) =>
        string.Join(",", response.Headers.TryGetValues(name, out var values) ? values : []);
}
