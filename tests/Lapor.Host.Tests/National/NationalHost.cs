using System.Globalization;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Tests.Delivery;
using Lapor.Host.Tests.Reports;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.National;

/// <summary>
/// The real host with the national connector on: events go to a local HTTP endpoint standing in for the national
/// system, the dispatcher polls every second and retries after a second; no e-mail or SMS, so the outbox holds only
/// the connector's rows.
/// </summary>
public sealed class NationalHost : ReportsHost
{
    public const string Secret = "rahasia-bersama-nasional-bali-2026-0123456789";

    public HttpSink National { get; } = new();

    public string Endpoint => National.Url + "/sp4n/events";

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Lapor:Delivery:PollSeconds", "1");
        builder.UseSetting("Lapor:Delivery:FirstRetrySeconds", "1");
        builder.UseSetting("Lapor:Delivery:MaxRetrySeconds", "1");
        builder.UseSetting("Lapor:Delivery:MaxAttempts", "20");
        builder.UseSetting("Lapor:National:Endpoint", Endpoint);
        builder.UseSetting("Lapor:National:Secret", Secret);
        builder.UseSetting("Lapor:National:TimeoutSeconds", "5");
    }

    /// <summary>A guest's report through the public API; its tracking code.</summary>
    public async Task<string> SubmitAsync(string title, bool anonymous = false, bool confidential = false)
    {
        using var client = CreateClient();
        using var response = await client.PostAsJsonAsync("/api/reports", new
        {
            type = "Complaint", title, categoryCode = "kesehatan", anonymous, confidential, location = "Puskesmas Denpasar Barat",
            description = "Pasien menunggu lebih dari empat jam setiap pagi di Puskesmas Denpasar Barat.",
            reporter = new { name = "Ketut Wiryawan", email = "ketut.wiryawan@example.org", phone = "081337123456" },
        });
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingCode").GetString()!;
    }

    public async Task CompleteAsync(string code, string taskKey, object variables, string actor)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var instanceId = (await db.Reports.SingleAsync(r => r.TrackingCode == TrackingCode.Parse(code))).ProcessInstanceId;
        var task = await db.Set<TaskRow>().SingleAsync(t => t.InstanceId == instanceId && t.TaskDefinitionKey == taskKey);
        var vars = variables.GetType().GetProperties().ToDictionary(p => p.Name, p => TypedValue.From(p.GetValue(variables)));
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().CompleteTaskAsync(task.Id, vars, actor);
    }

    /// <summary>The events the national endpoint received about one report, parsed, in arrival order.</summary>
    public IReadOnlyList<(HttpSink.Recorded Request, JsonElement Event)> EventsAbout(string code) =>
        National.Requests.Select(r => (Request: r, Event: JsonDocument.Parse(r.Body).RootElement))
            .Where(e => e.Event.GetProperty("report").GetProperty("trackingCode").GetString() == code).ToList();

    public async Task<IReadOnlyList<(HttpSink.Recorded Request, JsonElement Event)>> WaitForEventsAsync(string code,
        Func<IReadOnlyList<(HttpSink.Recorded Request, JsonElement Event)>, bool> done)
    {
        await National.WaitAsync(_ => done(EventsAbout(code)));
        return EventsAbout(code);
    }

    /// <summary>POSTs <paramref name="body"/> to the inbound endpoint, signed with the shared secret unless told otherwise.</summary>
    public async Task<HttpResponseMessage> PostNationalAsync(object body, long? timestamp = null, string secret = Secret, bool sign = true)
    {
        var json = body as string ?? JsonSerializer.Serialize(body);
        var bytes = Encoding.UTF8.GetBytes(json);
        var at = timestamp ?? DateTimeOffset.UtcNow.ToUnixTimeSeconds();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/national/reports") { Content = new ByteArrayContent(bytes) };
        request.Content.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/json");
        if (sign)
        {
            request.Headers.Add("X-Lapor-Timestamp", at.ToString(CultureInfo.InvariantCulture));
            request.Headers.Add("X-Lapor-Signature", Hmac(secret, at.ToString(CultureInfo.InvariantCulture), bytes));
        }
        using var client = CreateClient();
        return await client.SendAsync(request);
    }

    /// <summary>The signature computed here, independently of the host's code.</summary>
    public static string Hmac(string secret, string timestamp, byte[] body)
    {
        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes(secret));
        var message = Encoding.UTF8.GetBytes(timestamp + ".").Concat(body).ToArray();
        return "sha256=" + Convert.ToHexString(hmac.ComputeHash(message)).ToLowerInvariant();
    }

    public async Task<(int Reports, int Links)> CountAsync()
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        return (await db.Reports.CountAsync(), await db.NationalReportLinks.CountAsync());
    }

    public async Task<IReadOnlyList<OutboxMessage>> OutboxAboutAsync(string code)
    {
        using var scope = Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Outbox.AsNoTracking().Where(m => m.BusinessKey == code).OrderBy(m => m.Id).ToListAsync();
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await National.DisposeAsync();
    }
}
