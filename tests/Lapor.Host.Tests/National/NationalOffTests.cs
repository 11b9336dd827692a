using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Host.Data;
using Lapor.Host.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.National;

/// <summary>A province that has not configured the connector: nothing is queued for it and nothing is accepted from it.</summary>
public sealed class NationalOffTests(ReportsHost host) : IClassFixture<ReportsHost>
{
    [Fact]
    public async Task WithoutEndpointAndSecret_NothingIsQueued_AndTheInboundEndpointAnswers404ProblemDetails()
    {
        using var client = host.CreateClient();
        using var submitted = await client.PostAsJsonAsync("/api/reports", new
        {
            type = "Complaint", title = "Sampah menumpuk di pasar", categoryCode = "kesehatan",
            description = "Sampah tidak diangkut selama seminggu di Pasar Badung.",
            reporter = new { name = "Wayan Sudana", email = "wayan@example.org" },
        });
        Assert.Equal(HttpStatusCode.Created, submitted.StatusCode);
        using (var scope = host.Services.CreateScope())
            Assert.False(await scope.ServiceProvider.GetRequiredService<LaporDb>().Outbox.AnyAsync(m => m.Channel == "national"));

        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/national/reports")
        {
            Content = JsonContent.Create(NationalInboundTests.Body("SP4N-OFF-1")),
        };
        request.Headers.Add("X-Lapor-Timestamp", DateTimeOffset.UtcNow.ToUnixTimeSeconds().ToString());
        request.Headers.Add("X-Lapor-Signature", "sha256=" + new string('0', 64));
        using var refused = await client.SendAsync(request);
        Assert.Equal(HttpStatusCode.NotFound, refused.StatusCode);
        Assert.Equal("application/problem+json", refused.Content.Headers.ContentType?.MediaType);
        Assert.False(string.IsNullOrEmpty(JsonDocument.Parse(await refused.Content.ReadAsStringAsync()).RootElement.GetProperty("title").GetString()));
        using (var scope = host.Services.CreateScope())
            Assert.Equal(0, await scope.ServiceProvider.GetRequiredService<LaporDb>().NationalReportLinks.CountAsync());
    }
}
