using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapor.Host.Infrastructure;
using Lapor.Host.Tests.Portal;
using Lapor.Host.Tests.Reports;
using Lapor.Host.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Hosting.Internal;
using Microsoft.Extensions.Time.Testing;

namespace Lapor.Host.Tests.Operations;

/// <summary>
/// A running host (real Kestrel, real SQLite) with the shipped complaint process and two reports: one sent through the
/// web form with a PNG attachment, one through the JSON API. Tests back it up while it runs.
/// </summary>
public sealed partial class BackupHost : IAsyncLifetime
{
    public static readonly byte[] Photo = SamplePng.Square(16);

    public LaporHostFactory Host { get; } = new();

    /// <summary>A folder for backups and restore targets, deleted with the fixture.</summary>
    public string Scratch { get; } = LaporHostFactory.NewDataDirectory();

    public string WithPhoto { get; private set; } = "";
    public Guid PhotoId { get; private set; }
    public string ByApi { get; private set; } = "";

    /// <summary>The moment restores in these tests happen at, so the set-aside names are known.</summary>
    public static readonly DateTimeOffset Now = new(2026, 3, 2, 1, 0, 0, TimeSpan.Zero);

    public async Task InitializeAsync()
    {
        var bpmn = Path.Combine(ReportsHost.RepoWorkflows(), "lapor-pengaduan.bpmn");
        using (var deployed = await Host.Admin.DeployAsync("backup tests", true, ("lapor-pengaduan.bpmn", await File.ReadAllTextAsync(bpmn))))
            await EngineRestCalls.ExpectJsonAsync(deployed, HttpStatusCode.OK);
        WithPhoto = await SubmitFormWithPhotoAsync();
        var tracked = await TrackAsync(Host.BaseAddress, WithPhoto);
        PhotoId = tracked.GetProperty("attachments")[0].GetProperty("id").GetGuid();
        ByApi = await SubmitByApiAsync("Halte bus Renon tanpa atap");
    }

    public string NewPath(string name) => Path.Combine(Scratch, $"{Guid.NewGuid():N}-{name}");

    /// <summary>A report through <c>POST /api/reports</c>; returns its tracking code.</summary>
    public async Task<string> SubmitByApiAsync(string title)
    {
        using var client = new HttpClient { BaseAddress = Host.BaseAddress };
        using var response = await client.PostAsJsonAsync("/api/reports", new
        {
            type = "Aspiration", title, description = "Penumpang kehujanan saat menunggu bus di halte depan kantor gubernur.",
            categoryCode = "transportasi", reporter = new { name = "Komang Ayu", phone = "081234567890" },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
    }

    public static async Task<JsonElement> TrackAsync(Uri host, string code)
    {
        using var client = new HttpClient { BaseAddress = host };
        return await client.GetFromJsonAsync<JsonElement>($"/api/reports/track/{code}");
    }

    /// <summary>What the command code needs, for a data folder no host has opened (a restore target) or for PostgreSQL.</summary>
    public static IServiceProvider CommandServices(string dataDirectory, LaporOptions.DatabaseSettings? database = null) =>
        new ServiceCollection()
            .AddSingleton(new LaporOptions { DataDirectory = dataDirectory, Database = database ?? new LaporOptions.DatabaseSettings() })
            .AddSingleton<IHostEnvironment>(new HostingEnvironment { ContentRootPath = dataDirectory })
            .AddSingleton<TimeProvider>(new FakeTimeProvider(Now))
            .BuildServiceProvider();

    /// <summary>The citizen's form, as a browser posts it: antiforgery token and cookie, multipart with one photo.</summary>
    private async Task<string> SubmitFormWithPhotoAsync()
    {
        using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new CookieContainer() })
            { BaseAddress = Host.BaseAddress };
        var form = await client.GetStringAsync("/Laporan/Buat");
        var token = WebUtility.HtmlDecode(Token().Match(form).Groups[1].Value);
        using var content = new MultipartFormDataContent();
        foreach (var (name, value) in new Dictionary<string, string>
                 {
                     ["__RequestVerificationToken"] = token, ["Form.Type"] = "Complaint", ["Form.Title"] = "Lampu jalan pasar Badung padam",
                     ["Form.Description"] = "Sejak awal bulan lampu jalan di depan pasar padam setiap malam.", ["Form.IncidentDate"] = "2026-01-12",
                     ["Form.Location"] = "Jl. Gajah Mada, Denpasar", ["Form.CategoryCode"] = "transportasi",
                     ["Form.Name"] = "I Wayan Sudarma", ["Form.Email"] = "wayan.sudarma@contoh.id",
                 })
            content.Add(new StringContent(value), name);
        var photo = new ByteArrayContent(Photo);
        photo.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("image/png");
        content.Add(photo, "Attachments", "lampu-padam.png");
        using var response = await client.PostAsync("/Laporan/Buat", content);
        Assert.True(response.StatusCode == HttpStatusCode.Redirect, $"the form was not accepted: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return response.Headers.Location!.OriginalString.Split('/')[^1];
    }

    public async Task DisposeAsync()
    {
        await Host.DisposeAsync();
        LaporHostFactory.DeleteDirectory(Scratch);
    }

    [GeneratedRegex("name=\"__RequestVerificationToken\"[^>]*value=\"([^\"]+)\"")]
    private static partial Regex Token();
}
