using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;

namespace Lapor.Host.Tests.Support;

/// <summary>
/// The citizen's form (<c>/Laporan/Buat</c>) posted the way a browser posts it, without a browser: the page is loaded
/// for its antiforgery token and cookie, then the fields and files go as multipart. Page and post may be on two
/// different hosts (absolute addresses): the token only passes there if the hosts share their key ring.
/// </summary>
public static partial class SubmitForm
{
    public sealed record Upload(string FileName, string ContentType, Func<Stream> Open);

    /// <summary>A client that keeps cookies (one jar for every host on 127.0.0.1) and shows redirects instead of following them.</summary>
    public static HttpClient Client(Uri? baseAddress = null) =>
        new(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
        {
            BaseAddress = baseAddress,
            Timeout = TimeSpan.FromSeconds(60),
        };

    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string title, IReadOnlyList<Upload> files,
        string formPage = "/Laporan/Buat", string? postTo = null)
    {
        var page = await client.GetStringAsync(formPage);
        var token = Token().Match(page);
        Assert.True(token.Success, $"{formPage} has no antiforgery token");
        using var form = new MultipartFormDataContent
        {
            { new StringContent(WebUtility.HtmlDecode(token.Groups[1].Value)), "__RequestVerificationToken" },
            { new StringContent("Complaint"), "Form.Type" },
            { new StringContent(title), "Form.Title" },
            { new StringContent("Sejak awal bulan lampu jalan di depan pasar padam setiap malam, rawan kecelakaan."), "Form.Description" },
            { new StringContent("Jl. Gatot Subroto Barat, Denpasar"), "Form.Location" },
            { new StringContent("jalan"), "Form.CategoryCode" },
            { new StringContent("I Wayan Sudarma"), "Form.Name" },
            { new StringContent("wayan.sudarma@contoh.id"), "Form.Email" },
        };
        var streams = new List<Stream>();
        try
        {
            foreach (var file in files)
            {
                var stream = file.Open();
                streams.Add(stream);
                var part = new StreamContent(stream);
                part.Headers.ContentType = new MediaTypeHeaderValue(file.ContentType);
                form.Add(part, "Attachments", file.FileName);
            }
            return await client.PostAsync(postTo ?? formPage, form);
        }
        finally
        {
            foreach (var stream in streams)
                await stream.DisposeAsync();
        }
    }

    /// <summary>Posts the form, expects the redirect to the confirmation page and returns the tracking code from it.</summary>
    public static async Task<string> SubmitAsync(HttpClient client, string title, IReadOnlyList<Upload> files,
        string formPage = "/Laporan/Buat", string? postTo = null)
    {
        using var response = await PostAsync(client, title, files, formPage, postTo);
        var location = response.Headers.Location?.ToString() ?? "";
        Assert.True(response.StatusCode == HttpStatusCode.Redirect && location.Contains("/Laporan/Terkirim/", StringComparison.Ordinal),
            $"the form was not accepted: {(int)response.StatusCode} {location} {Excerpt(await response.Content.ReadAsStringAsync())}");
        return Uri.UnescapeDataString(location[(location.LastIndexOf('/') + 1)..]);
    }

    private static string Excerpt(string body) => body.Length > 600 ? body[..600] : body;

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
