using System.Net;
using System.Text.RegularExpressions;
using Lapor.Host.Tests.Support;

namespace Lapor.Benchmarks.Scale;

/// <summary>A browser-like client of the host: its own cookies, signed in through the login form (or anonymous).</summary>
public static partial class SignedInClient
{
    public static async Task<HttpClient> ForAsync(HostProcess host, string? userName, string password = "Lapor#Demo2026")
    {
        var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, CookieContainer = new CookieContainer() })
        {
            BaseAddress = host.BaseAddress,
            Timeout = TimeSpan.FromMinutes(10),
        };
        if (userName is null)
            return client;
        var form = await client.GetStringAsync("/Akun/Masuk");
        var token = Token().Match(form).Groups[1].Value;
        using var signedIn = await client.PostAsync("/Akun/Masuk", new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["Form.UserName"] = userName,
            ["Form.Password"] = password,
            ["__RequestVerificationToken"] = token,
        }));
        if (signedIn.StatusCode != HttpStatusCode.Redirect)
            throw new InvalidOperationException($"signing in as {userName}: {(int)signedIn.StatusCode}");
        return client;
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
