using System.Net;
using System.Text.Json;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.National;

/// <summary>
/// Reports the national system hands over: stored once per national id with their process started, and refused, with
/// nothing stored, when the signature is missing, wrong or stale or a field is wrong.
/// </summary>
public sealed class NationalInboundTests(NationalHost host) : IClassFixture<NationalHost>
{
    public static object Body(string nationalId, string category = "kesehatan") => new
    {
        nationalId, type = "Complaint", category, title = "Obat hipertensi kosong di puskesmas",
        description = "Sejak dua minggu obat hipertensi tidak tersedia di Puskesmas Kuta.", location = "Puskesmas Kuta",
        anonymous = false, confidential = false,
        reporter = new { name = "Made Sari", email = "made.sari@example.org", phone = "+6281234567890" },
    };

    [Fact]
    public async Task ASignedReport_IsStoredWithItsProcessStarted_AndARepeatAnswersTheSameCodeAndStoresNothing()
    {
        var before = await host.CountAsync();
        using var first = await host.PostNationalAsync(Body("SP4N-2026-000123"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        var receipt = JsonDocument.Parse(await first.Content.ReadAsStringAsync()).RootElement;
        var code = receipt.GetProperty("trackingCode").GetString()!;
        Assert.Equal("SP4N-2026-000123", receipt.GetProperty("nationalId").GetString());
        Assert.Equal($"/api/reports/track/{code}", first.Headers.Location?.OriginalString);

        using var client = host.CreateClient();
        using var tracked = await client.GetAsync($"/api/reports/track/{code}");
        Assert.Equal(HttpStatusCode.OK, tracked.StatusCode);
        Assert.Contains("Obat hipertensi kosong di puskesmas", await tracked.Content.ReadAsStringAsync());
        using (var scope = host.Services.CreateScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
            var report = await db.Reports.AsNoTracking().SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code));
            Assert.True(report.Reporter.IsGuest);
            Assert.Equal("Made Sari", report.Reporter.Name);
            Assert.NotNull(report.ProcessInstanceId);
            Assert.True(await db.Set<TaskRow>().AnyAsync(t => t.InstanceId == report.ProcessInstanceId && t.TaskDefinitionKey == "verifikasi"));
        }

        using var again = await host.PostNationalAsync(Body("SP4N-2026-000123"));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        Assert.Equal(code, JsonDocument.Parse(await again.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingCode").GetString());
        Assert.Equal((before.Reports + 1, before.Links + 1), await host.CountAsync());
    }

    [Fact]
    public async Task ConcurrentDeliveries_OfOneNationalReport_StoreOneReport_AndAllAnswerItsCode()
    {
        var before = await host.CountAsync();
        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var response = await host.PostNationalAsync(Body("SP4N-2026-RACE"));
            return (response.StatusCode, Code: JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingCode").GetString());
        }));
        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created);
        Assert.All(answers, a => Assert.Contains(a.StatusCode, new[] { HttpStatusCode.Created, HttpStatusCode.OK }));
        Assert.Single(answers.Select(a => a.Code).Distinct());
        Assert.Equal((before.Reports + 1, before.Links + 1), await host.CountAsync());
    }

    [Fact]
    public async Task Refusals_AreProblemDetails_AndStoreNothing()
    {
        var before = await host.CountAsync();
        var now = DateTimeOffset.UtcNow.ToUnixTimeSeconds();

        using var unsigned = await host.PostNationalAsync(Body("SP4N-REFUSED-1"), sign: false);
        await AssertProblemAsync(unsigned, HttpStatusCode.Unauthorized);
        using var wrongSecret = await host.PostNationalAsync(Body("SP4N-REFUSED-2"), secret: "bukan-rahasia-yang-benar-0123456789abcdef");
        await AssertProblemAsync(wrongSecret, HttpStatusCode.Unauthorized);
        using var stale = await host.PostNationalAsync(Body("SP4N-REFUSED-3"), timestamp: now - 400);
        await AssertProblemAsync(stale, HttpStatusCode.Unauthorized);
        using var early = await host.PostNationalAsync(Body("SP4N-REFUSED-4"), timestamp: now + 400);
        await AssertProblemAsync(early, HttpStatusCode.Unauthorized);

        using var unknown = await host.PostNationalAsync(Body("SP4N-REFUSED-5", category: "astrologi"));
        var problem = await AssertProblemAsync(unknown, HttpStatusCode.BadRequest);
        var errors = problem.GetProperty("errors");
        Assert.True(errors.TryGetProperty("category", out _), $"the refusal must name 'category': {problem}");
        Assert.Single(errors.EnumerateObject());
        Assert.DoesNotContain(NationalHost.Secret, problem.ToString());

        using var noId = await host.PostNationalAsync(new { category = "kesehatan", title = "Tanpa id" });
        Assert.True((await AssertProblemAsync(noId, HttpStatusCode.BadRequest)).GetProperty("errors").TryGetProperty("nationalId", out _));
        using var notJson = await host.PostNationalAsync("{ bukan json");
        await AssertProblemAsync(notJson, HttpStatusCode.BadRequest);

        Assert.Equal(before, await host.CountAsync());
        // A refused national id was not taken: the same report, properly signed, is stored.
        using var accepted = await host.PostNationalAsync(Body("SP4N-REFUSED-3"));
        Assert.Equal(HttpStatusCode.Created, accepted.StatusCode);
    }

    [Fact]
    public async Task AStaleRequest_WithAValidSignature_IsRefused_EvenForAKnownReport()
    {
        using var first = await host.PostNationalAsync(Body("SP4N-REPLAY-1"));
        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        using var replay = await host.PostNationalAsync(Body("SP4N-REPLAY-1"), timestamp: DateTimeOffset.UtcNow.ToUnixTimeSeconds() - 301 - 5);
        await AssertProblemAsync(replay, HttpStatusCode.Unauthorized);
    }

    private static async Task<JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.False(string.IsNullOrWhiteSpace(problem.GetProperty("title").GetString()));
        return problem;
    }
}
