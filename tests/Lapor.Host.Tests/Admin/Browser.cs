using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Lapor.Host.Tests.Admin;

/// <summary>
/// A cookie-keeping client that uses the pages as a person does: the real login form, and every POST with the
/// antiforgery token taken from a page the same user just loaded.
/// </summary>
public sealed partial class Browser(HttpClient client) : IDisposable
{
    public const string DemoPassword = "Lapor#Demo2026";
    public const string AdminPassword = "Lapor#Bali2026";

    public HttpClient Client { get; } = client;

    public static Browser Open(WebApplicationFactory<Program> host) =>
        new(host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = true }));

    /// <summary>Posts the login form; the response is the redirect on success, the form again on failure.</summary>
    public Task<HttpResponseMessage> LogInAsync(string userName, string password) =>
        PostFormAsync("/Akun/Masuk", "/Akun/Masuk", new() { ["Form.UserName"] = userName, ["Form.Password"] = password });

    public static async Task<Browser> SignedInAsync(WebApplicationFactory<Program> host, string userName, string password)
    {
        var browser = Open(host);
        var response = await browser.LogInAsync(userName, password);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"{userName} could not sign in: {response.StatusCode}");
        return browser;
    }

    /// <summary>Loads <paramref name="formPage"/> for its token, then posts the fields to <paramref name="action"/>.</summary>
    public async Task<HttpResponseMessage> PostFormAsync(string formPage, string action, Dictionary<string, string> fields)
    {
        var page = await Client.GetStringAsync(formPage);
        var token = Token().Match(page);
        Assert.True(token.Success, $"{formPage} has no antiforgery token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await Client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    /// <summary>A form with repeated names (a list of ticked checkboxes).</summary>
    public async Task<HttpResponseMessage> PostFormListAsync(string formPage, string action, List<KeyValuePair<string, string>> fields)
    {
        var page = await Client.GetStringAsync(formPage);
        var token = Token().Match(page);
        Assert.True(token.Success, $"{formPage} has no antiforgery token");
        fields.Add(new("__RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value)));
        return await Client.PostAsync(action, new FormUrlEncodedContent(fields));
    }

    public static AuthenticationHeaderValue Basic(string userName, string password) =>
        new("Basic", Convert.ToBase64String(Encoding.UTF8.GetBytes($"{userName}:{password}")));

    public void Dispose() => Client.Dispose();

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
