using System.Net;
using System.Net.Http.Json;
using Lapor.Host.Data;
using Lapor.Host.Tests.Admin;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.RateLimits;

/// <summary>
/// Each surface a stranger can hammer is throttled per client address (or per account once signed in), answered with
/// 429, Retry-After and words a person or a program can read, while other addresses and accounts carry on. Each test
/// uses its own addresses, so budgets one test spends never reach another.
/// </summary>
public sealed class RateLimitTests(RateLimitedHost host) : IClassFixture<RateLimitedHost>
{
    private const string DemoPassword = Browser.DemoPassword;

    [Fact]
    public async Task TrackingPage_FromOneAddress_IsThrottledWithRetryAfter_AndAPageInIndonesian_OthersStillTrack()
    {
        var hammering = host.ClientFrom("198.51.100.1");
        for (var i = 0; i < RateLimitedHost.Tracking; i++)
            Assert.Equal(HttpStatusCode.OK, (await hammering.GetAsync("/Lacak")).StatusCode);

        using var refused = await hammering.GetAsync("/Lacak");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused, maxSeconds: 60);
        Assert.Contains("Terlalu banyak permintaan", await refused.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await host.ClientFrom("198.51.100.2").GetAsync("/Lacak")).StatusCode);
    }

    [Fact]
    public async Task TrackingApi_SharesTheAddressBudget_AndAnswersProblemDetails()
    {
        var hammering = host.ClientFrom("198.51.100.3");
        for (var i = 0; i < RateLimitedHost.Tracking; i++)
            Assert.Equal(HttpStatusCode.NotFound, (await hammering.GetAsync("/api/reports/track/LPR-0000-0000")).StatusCode);

        using var refused = await hammering.GetAsync("/api/reports/track/LPR-0000-0000");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused, maxSeconds: 60);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.Equal(429, (await refused.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("status").GetInt32());
    }

    [Fact]
    public async Task AnonymousSubmissions_FromOneAddress_AreThrottled_AndTheRefusedOneIsNotStored()
    {
        var flooding = host.ClientFrom("198.51.100.4");
        for (var i = 0; i < RateLimitedHost.AnonymousSubmissions; i++)
            Assert.Equal(HttpStatusCode.Created, (await flooding.PostAsJsonAsync("/api/reports", Submission(i))).StatusCode);
        var before = await ReportCountAsync();

        using var refused = await flooding.PostAsJsonAsync("/api/reports", Submission(99));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused, maxSeconds: 600);
        Assert.Equal(before, await ReportCountAsync());
        Assert.Equal(HttpStatusCode.Created, (await host.ClientFrom("198.51.100.5").PostAsJsonAsync("/api/reports", Submission(5))).StatusCode);
    }

    [Fact]
    public async Task Open311Filings_SpendTheSameAnonymousSubmissionBudget_AsTheReportsApi()
    {
        var partner = host.ClientFrom("198.51.100.40");
        Assert.Equal(HttpStatusCode.Created, (await partner.PostAsJsonAsync("/api/reports", Submission(40))).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await partner.PostAsync("/open311/v2/requests.json", Open311Form(41))).StatusCode);
        var before = await ReportCountAsync();

        using var refused = await partner.PostAsync("/open311/v2/requests.xml", Open311Form(42));

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused, maxSeconds: 600);
        Assert.Equal(before, await ReportCountAsync());
        // Reading is not a submission, and another address has its own budget.
        Assert.Equal(HttpStatusCode.OK, (await partner.GetAsync("/open311/v2/requests.json")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await host.ClientFrom("198.51.100.41").PostAsync("/open311/v2/requests.json", Open311Form(43))).StatusCode);
    }

    private static FormUrlEncodedContent Open311Form(int i) => new(Open311.Open311Host.Form($"Laporan Open311 nomor {i}: jalan berlubang.")
        .Select(f => KeyValuePair.Create(f.Key, f.Value!)));

    [Fact]
    public async Task WrongPasswordsFromOneAddress_AreThrottledBeforeLockout_SoTheOwnerStillSignsIn()
    {
        using var stranger = new Browser(host.ClientFrom("198.51.100.6"));
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * RateLimitSettingsThreshold; i++)
            answers.Add((await stranger.LogInAsync("ombudsman", $"tebakan-{i}")).StatusCode);

        Assert.All(answers.Take(RateLimitedHost.SignIn), status => Assert.Equal(HttpStatusCode.OK, status));
        Assert.All(answers.Skip(RateLimitedHost.SignIn), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        using var last = await stranger.LogInAsync("ombudsman", "satu-lagi");
        AssertRetryAfter(last, maxSeconds: 300);
        Assert.Contains("Terlalu banyak percobaan masuk dari alamat Anda", WebUtility.HtmlDecode(await last.Content.ReadAsStringAsync()));

        var account = await AccountAsync("ombudsman");
        Assert.Equal(RateLimitedHost.SignIn, account.AccessFailedCount);
        Assert.Null(account.LockoutEnd);
        using var owner = new Browser(host.ClientFrom("198.51.100.7"));
        Assert.Equal(HttpStatusCode.Redirect, (await owner.LogInAsync("ombudsman", DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task WrongBasicPasswordsFromOneAddress_AreThrottledBeforeLockout_SoTheOwnersClientStillWorks()
    {
        var stranger = host.ClientFrom("198.51.100.8");
        stranger.DefaultRequestHeaders.Authorization = Browser.Basic("koordinator", "tebakan");
        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 2 * RateLimitSettingsThreshold; i++)
            answers.Add((await stranger.GetAsync("/engine-rest/process-definition")).StatusCode);

        Assert.All(answers.Take(RateLimitedHost.SignIn), status => Assert.Equal(HttpStatusCode.Unauthorized, status));
        Assert.All(answers.Skip(RateLimitedHost.SignIn), status => Assert.Equal(HttpStatusCode.TooManyRequests, status));
        using var last = await stranger.GetAsync("/engine-rest/process-definition");
        AssertRetryAfter(last, maxSeconds: 300);
        Assert.Equal("application/problem+json", last.Content.Headers.ContentType?.MediaType);

        var account = await AccountAsync("koordinator");
        Assert.Equal(RateLimitedHost.SignIn, account.AccessFailedCount);
        Assert.Null(account.LockoutEnd);
        var owner = host.ClientFrom("198.51.100.9");
        owner.DefaultRequestHeaders.Authorization = Browser.Basic("koordinator", DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await owner.GetAsync("/engine-rest/process-definition")).StatusCode);
    }

    [Fact]
    public async Task BasicClient_SpendsNoPasswordChecksOnceVerified_ButHasAnAccountBudget_OtherAccountsCarryOn()
    {
        var client = host.ClientFrom("198.51.100.10");
        client.DefaultRequestHeaders.Authorization = Browser.Basic("admin", Browser.AdminPassword);
        // Far more requests than password checks the address may make: the verified credentials are remembered.
        for (var i = 0; i < RateLimitedHost.ApiPerAccount; i++)
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/engine-rest/process-definition")).StatusCode);

        using var refused = await client.GetAsync("/engine-rest/process-definition");

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused, maxSeconds: 60);
        var other = host.ClientFrom("198.51.100.10");
        other.DefaultRequestHeaders.Authorization = Browser.Basic("koordinator", DemoPassword);
        Assert.Equal(HttpStatusCode.OK, (await other.GetAsync("/engine-rest/process-definition")).StatusCode);
    }

    [Fact]
    public async Task Registrations_FromOneAddress_AreThrottled()
    {
        using var browser = new Browser(host.ClientFrom("198.51.100.11"));
        for (var i = 0; i < RateLimitedHost.Registrations; i++)
            Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync("/Akun/Daftar", "/Akun/Daftar", new())).StatusCode);

        using var refused = await browser.PostFormAsync("/Akun/Daftar", "/Akun/Daftar", new());

        Assert.Equal(HttpStatusCode.TooManyRequests, refused.StatusCode);
        AssertRetryAfter(refused, maxSeconds: 3600);
        Assert.Contains("Terlalu banyak permintaan", await refused.Content.ReadAsStringAsync());
    }

    private static int RateLimitSettingsThreshold => Lapor.Host.Hardening.RateLimitSettings.LockoutThreshold;

    private static void AssertRetryAfter(HttpResponseMessage response, int maxSeconds)
    {
        var seconds = response.Headers.RetryAfter?.Delta?.TotalSeconds;
        Assert.True(seconds is >= 1 && seconds <= maxSeconds, $"Retry-After was {seconds?.ToString() ?? "missing"}");
    }

    private static object Submission(int n) => new
    {
        type = "Complaint", title = $"Lampu jalan mati nomor {n}", description = "Lampu jalan di Jalan Gatot Subroto mati sejak seminggu.",
        categoryCode = "transportasi", anonymous = true, reporter = new { name = "Wayan", phone = "081234567890" },
    };

    private async Task<int> ReportCountAsync()
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.CountAsync();
    }

    private async Task<LaporUser> AccountAsync(string userName)
    {
        using var scope = host.Services.CreateScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<LaporUser>>();
        return await users.FindByNameAsync(userName) ?? throw new InvalidOperationException(userName);
    }
}
