using System.Net;
using System.Text.RegularExpressions;
using Lapor.Host.Localization;
using Lapor.Host.Tests.Admin;
using Lapor.Host.Tests.ScaleOut;
using Lapor.Host.Tests.Support;

namespace Lapor.Host.Tests.Hardening;

/// <summary>
/// Every cookie a visit sets (antiforgery, sign-in, language) is Secure when the browser came over HTTPS, directly or
/// through a TLS-terminating proxy, and HttpOnly with a SameSite mode always. Over the README's plain http on
/// 127.0.0.1 they cannot be Secure, or the browser would never send them back and no one could sign in.
/// </summary>
public sealed partial class SecureCookieTests(AdminHost host, ForwardedHeadersTests.TrustingHost proxied)
    : IClassFixture<AdminHost>, IClassFixture<ForwardedHeadersTests.TrustingHost>
{
    private static readonly string[] VisitCookies = ["Lapor.Antiforgery", "Lapor.Masuk", PortalCultures.CookieName];

    [Fact]
    public async Task OverHttps_EveryCookieOfASignInIsSecure()
    {
        using var client = host.CreateClient(new() { BaseAddress = new Uri("https://localhost"), AllowAutoRedirect = false, HandleCookies = false });

        var cookies = await SignInAndSwitchToEnglishAsync(new Visit(client), "koordinator", Browser.DemoPassword);

        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        AssertHttpOnlyAndSameSite(cookies);
    }

    [Fact]
    public async Task BehindATrustedTlsProxy_EveryCookieOfASignInIsSecure()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = proxied.Start() };

        var cookies = await SignInAndSwitchToEnglishAsync(new Visit(client, forwardedProto: "https"), LaporHostFactory.AdminUser, LaporHostFactory.AdminPassword);

        Assert.All(cookies, c => Assert.Contains("; secure", c, StringComparison.OrdinalIgnoreCase));
        AssertHttpOnlyAndSameSite(cookies);
    }

    [Fact]
    public async Task OverPlainHttpOnLoopback_SignInWorks_WithCookiesTheBrowserSendsBack()
    {
        using var client = host.CreateClient(new() { BaseAddress = new Uri("http://127.0.0.1"), AllowAutoRedirect = false, HandleCookies = false });

        var cookies = await SignInAndSwitchToEnglishAsync(new Visit(client), "koordinator", Browser.DemoPassword);

        Assert.All(cookies, c => Assert.DoesNotContain("; secure", c, StringComparison.OrdinalIgnoreCase));
        AssertHttpOnlyAndSameSite(cookies);
    }

    /// <summary>Signs in, switches the language and opens a staff page; returns every Set-Cookie seen on the way.</summary>
    private static async Task<List<string>> SignInAndSwitchToEnglishAsync(Visit visit, string user, string password)
    {
        var signIn = await visit.PostFormAsync("/Akun/Masuk", "/Akun/Masuk", new() { ["Form.UserName"] = user, ["Form.Password"] = password });
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        var language = await visit.PostFormAsync("/", "/Bahasa", new() { ["bahasa"] = "en", ["kembali"] = "/" });
        Assert.Equal(HttpStatusCode.Redirect, language.StatusCode);

        using var staffPage = await visit.SendAsync(new HttpRequestMessage(HttpMethod.Get, "/Desain"));
        Assert.Equal(HttpStatusCode.OK, staffPage.StatusCode);
        Assert.Contains("lang=\"en\"", await staffPage.Content.ReadAsStringAsync());

        var names = visit.SetCookies.Select(c => c[..c.IndexOf('=')]).ToHashSet();
        Assert.All(VisitCookies, name => Assert.Contains(name, names));
        return visit.SetCookies;
    }

    private static void AssertHttpOnlyAndSameSite(List<string> cookies)
    {
        Assert.All(cookies, c => Assert.Contains("; httponly", c, StringComparison.OrdinalIgnoreCase));
        Assert.All(cookies, c => Assert.Matches("; samesite=(lax|strict)", c.ToLowerInvariant()));
    }

    /// <summary>
    /// A visit that keeps its cookies by hand, so a Secure cookie is sent back even where the test talks plain http to
    /// a host that believes (from its proxy) the browser used https; and records every Set-Cookie line.
    /// </summary>
    private sealed class Visit(HttpClient client, string? forwardedProto = null)
    {
        private readonly Dictionary<string, string> _jar = [];

        public List<string> SetCookies { get; } = [];

        public async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request)
        {
            if (_jar.Count > 0)
                request.Headers.Add("Cookie", string.Join("; ", _jar.Select(c => $"{c.Key}={c.Value}")));
            if (forwardedProto is not null)
                request.Headers.Add("X-Forwarded-Proto", forwardedProto);
            var response = await client.SendAsync(request);
            foreach (var line in response.Headers.TryGetValues("Set-Cookie", out var lines) ? lines : [])
            {
                SetCookies.Add(line);
                var pair = line[..line.IndexOf(';')];
                _jar[pair[..pair.IndexOf('=')]] = pair[(pair.IndexOf('=') + 1)..];
            }
            return response;
        }

        public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
        {
            using var page = await SendAsync(new HttpRequestMessage(HttpMethod.Get, formPage));
            var token = Token().Match(await page.Content.ReadAsStringAsync());
            Assert.True(token.Success, $"{formPage} has no antiforgery token");
            fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
            return await SendAsync(new HttpRequestMessage(HttpMethod.Post, action) { Content = new FormUrlEncodedContent(fields) });
        }
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
