using System.Text.Json;

namespace Lapor.Host.Tests.National;

/// <summary>
/// What the national system receives: every new report and every public step, signed, with the documented fields,
/// and never more than a report may tell (no content of a confidential report, no name of an anonymous reporter, no
/// contact details of anyone).
/// </summary>
public sealed class NationalEventTests(NationalHost host) : IClassFixture<NationalHost>
{
    [Fact]
    public async Task ANewReport_ArrivesSigned_WithTheDocumentedFields_AndItsDispositionFollowsUnderTheSameId()
    {
        var code = await host.SubmitAsync("Antrean puskesmas terlalu lama");
        var (request, created) = (await host.WaitForEventsAsync(code, e => e.Count >= 1))[0];

        Assert.Equal("POST", request.Method);
        Assert.Equal("/sp4n/events", request.Path);
        var timestamp = request.Headers["X-Lapor-Timestamp"];
        Assert.InRange(long.Parse(timestamp), DateTimeOffset.UtcNow.AddMinutes(-2).ToUnixTimeSeconds(), DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        Assert.Equal(NationalHost.Hmac(NationalHost.Secret, timestamp, System.Text.Encoding.UTF8.GetBytes(request.Body)), request.Headers["X-Lapor-Signature"]);
        Assert.Equal(created.GetProperty("eventId").GetString(), request.Headers["Idempotency-Key"]);
        Assert.StartsWith("application/json", request.Headers["Content-Type"]);

        Assert.Equal("report.created", created.GetProperty("eventType").GetString());
        Assert.Equal("51", created.GetProperty("provinceId").GetString());
        Assert.True(created.TryGetProperty("occurredAt", out _));
        Assert.False(created.TryGetProperty("change", out _));
        var report = created.GetProperty("report");
        Assert.Equal("Antrean puskesmas terlalu lama", report.GetProperty("title").GetString());
        Assert.StartsWith("Pasien menunggu", report.GetProperty("description").GetString());
        Assert.Equal("Puskesmas Denpasar Barat", report.GetProperty("location").GetString());
        Assert.Equal("kesehatan", report.GetProperty("category").GetString());
        Assert.Equal("Complaint", report.GetProperty("type").GetString());
        Assert.Equal("open", report.GetProperty("status").GetString());
        Assert.False(report.GetProperty("confidential").GetBoolean());
        Assert.False(report.GetProperty("anonymous").GetBoolean());
        Assert.Equal("Ketut Wiryawan", report.GetProperty("reporterName").GetString());
        AssertNoContact(request.Body);

        await host.CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "koordinator");
        var events = await host.WaitForEventsAsync(code, e => e.Any(x => Kind(x.Event) == "disposed"));
        var disposed = events.Single(x => Kind(x.Event) == "disposed");
        Assert.Equal("report.status-changed", disposed.Event.GetProperty("eventType").GetString());
        Assert.Equal(report.GetProperty("id").GetString(), disposed.Event.GetProperty("report").GetProperty("id").GetString());
        Assert.Equal("dinkes", disposed.Event.GetProperty("report").GetProperty("agency").GetString());
        Assert.Equal("dinkes", disposed.Event.GetProperty("change").GetProperty("agency").GetString());
        Assert.NotEqual(created.GetProperty("eventId").GetString(), disposed.Event.GetProperty("eventId").GetString());
        Assert.Equal(NationalHost.Hmac(NationalHost.Secret, disposed.Request.Headers["X-Lapor-Timestamp"], System.Text.Encoding.UTF8.GetBytes(disposed.Request.Body)),
            disposed.Request.Headers["X-Lapor-Signature"]);

        await host.CompleteAsync(code, "tindakLanjut", new { outcome = "respond", response = "Loket pendaftaran ditambah dua." }, "dinkes.petugas");
        events = await host.WaitForEventsAsync(code, e => e.Any(x => Kind(x.Event) == "awaiting-confirmation"));
        var answered = events.Single(x => Kind(x.Event) == "answered");
        Assert.Equal("Loket pendaftaran ditambah dua.", answered.Event.GetProperty("change").GetProperty("text").GetString());
        // Answered is not closed: the reporter may still confirm or reopen.
        Assert.Equal("open", events.Single(x => Kind(x.Event) == "awaiting-confirmation").Event.GetProperty("report").GetProperty("status").GetString());
        Assert.DoesNotContain(events, x => Kind(x.Event) == "closed");
        Assert.Single(events, x => x.Event.GetProperty("eventType").GetString() == "report.created");
    }

    [Fact]
    public async Task AConfidentialReport_ArrivesWithoutItsContent_AndIsFlagged()
    {
        var code = await host.SubmitAsync("Pungutan liar di loket KTP", confidential: true);
        await host.CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "koordinator");
        var events = await host.WaitForEventsAsync(code, e => e.Any(x => Kind(x.Event) == "disposed"));
        Assert.Contains(events, x => x.Event.GetProperty("eventType").GetString() == "report.created");
        foreach (var (request, pushed) in events)
        {
            var report = pushed.GetProperty("report");
            Assert.True(report.GetProperty("confidential").GetBoolean());
            foreach (var hidden in new[] { "title", "description", "location", "incidentDate", "latitude", "longitude", "reporterName" })
                Assert.False(report.TryGetProperty(hidden, out _), $"a confidential report sent '{hidden}'");
            Assert.Equal("kesehatan", report.GetProperty("category").GetString());
            Assert.True(report.TryGetProperty("submittedAt", out _));
            if (pushed.TryGetProperty("change", out var change))
                Assert.False(change.TryGetProperty("text", out _));
            Assert.DoesNotContain("Pungutan", request.Body);
            Assert.DoesNotContain("Puskesmas", request.Body);
            AssertNoContact(request.Body);
        }
    }

    [Fact]
    public async Task AnAnonymousReport_ArrivesWithoutTheReportersNameOrContact()
    {
        var code = await host.SubmitAsync("Jalan berlubang di Jalan Gatot Subroto", anonymous: true);
        await host.CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "koordinator");
        var events = await host.WaitForEventsAsync(code, e => e.Any(x => Kind(x.Event) == "disposed"));
        Assert.Equal("Jalan berlubang di Jalan Gatot Subroto", events[0].Event.GetProperty("report").GetProperty("title").GetString());
        foreach (var (request, pushed) in events)
        {
            Assert.True(pushed.GetProperty("report").GetProperty("anonymous").GetBoolean());
            Assert.False(pushed.GetProperty("report").TryGetProperty("reporterName", out _));
            Assert.DoesNotContain("Ketut", request.Body);
            Assert.DoesNotContain("Wiryawan", request.Body);
            AssertNoContact(request.Body);
        }
    }

    [Fact]
    public async Task AReportFromTheNationalSystem_IsNotAnnouncedBack_ButItsStepsAre_WithItsNationalId()
    {
        using var response = await host.PostNationalAsync(NationalInboundTests.Body("SP4N-ECHO-1"));
        Assert.Equal(System.Net.HttpStatusCode.Created, response.StatusCode);
        var code = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingCode").GetString()!;

        await host.CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "koordinator");
        var events = await host.WaitForEventsAsync(code, e => e.Any(x => Kind(x.Event) == "disposed"));
        Assert.All(events, x => Assert.Equal("report.status-changed", x.Event.GetProperty("eventType").GetString()));
        Assert.All(events, x => Assert.Equal("SP4N-ECHO-1", x.Event.GetProperty("report").GetProperty("nationalId").GetString()));
        Assert.DoesNotContain(await host.OutboxAboutAsync(code), m => m.Template == "national.created");
    }

    private static string? Kind(JsonElement pushed) =>
        pushed.TryGetProperty("change", out var change) ? change.GetProperty("kind").GetString() : null;

    private static void AssertNoContact(string body)
    {
        Assert.DoesNotContain("ketut.wiryawan@example.org", body);
        Assert.DoesNotContain("81337123456", body);
        Assert.DoesNotContain("made.sari@example.org", body);
        Assert.DoesNotContain("81234567890", body);
    }
}
