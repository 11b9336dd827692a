using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Lapor.Host.Tests.Admin;

namespace Lapor.Host.Tests.Designer;

/// <summary>Calls the designer page's JSON handlers as its script does: antiforgery token from the page, in the header.</summary>
public static partial class DesignerClient
{
    public const string EditorPage = "/Desain/Proses";

    public static async Task<HttpResponseMessage> PostJsonAsync(this Browser browser, string handler, object body, string tokenPage = EditorPage, string query = "")
    {
        var page = await browser.Client.GetAsync(tokenPage);
        var token = page.StatusCode == HttpStatusCode.OK ? Token().Match(await page.Content.ReadAsStringAsync()) : Match.Empty;
        using var request = new HttpRequestMessage(HttpMethod.Post, $"{EditorPage}?handler={handler}{query}") { Content = JsonContent.Create(body) };
        // Someone refused the page gets no token; the post must then be stopped by authorization, not by a missing token.
        if (token.Success)
            request.Headers.Add("RequestVerificationToken", WebUtility.HtmlDecode(token.Groups[1].Value));
        return await browser.Client.SendAsync(request);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
