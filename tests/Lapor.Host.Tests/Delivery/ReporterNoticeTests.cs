using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Reports;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace Lapor.Host.Tests.Delivery;

/// <summary>
/// A reporter's notices as a real SMTP server receives them: one per step that matters, in the language they submitted
/// in, with the tracking and unsubscribe links, and none once they unsubscribed.
/// </summary>
public sealed partial class ReporterNoticeTests(NoticesHost host) : IClassFixture<NoticesHost>
{
    private async Task<string> SubmitAsync(string email, string language, bool anonymous = false, string? phone = null)
    {
        using var client = host.CreateClient();
        client.DefaultRequestHeaders.AcceptLanguage.ParseAdd(language);
        using var response = await client.PostAsJsonAsync("/api/reports", new
        {
            type = "Complaint", title = "Antrean puskesmas terlalu lama", categoryCode = "kesehatan", anonymous,
            description = "Pasien menunggu lebih dari empat jam setiap pagi di Puskesmas Denpasar Barat.",
            reporter = new { name = "Ketut Wiryawan", email, phone },
        });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("trackingCode").GetString()!;
    }

    private Task CompleteAsync(string code, string taskKey, object variables, string actor) =>
        Support.CaseSteps.CompleteAsync(host.Services, code, taskKey, variables, actor);

    private Task<IReadOnlyList<MimeMessage>> MailAsync(string address, int count) =>
        host.Smtp.WaitAsync(all => all.Count(m => m.To.Mailboxes.Any(b => b.Address == address)) >= count)
            .ContinueWith(t => host.Smtp.To(address));

    [Fact]
    public async Task EachStep_ReachesTheReporter_InTheirLanguage_WithTrackingAndUnsubscribeLinks()
    {
        const string address = "ketut.en@example.org";
        var code = await SubmitAsync(address, "en");
        var received = Assert.Single(await MailAsync(address, 1));
        Assert.Equal($"We received report {code}", received.Subject);
        Assert.Contains($"https://lapor.baliprov.example/Lacak/{code}", received.TextBody);
        Assert.Matches(@"https://lapor\.baliprov\.example/Berhenti/[0-9a-f]{32}", received.TextBody);
        Assert.Contains($"href=\"https://lapor.baliprov.example/Lacak/{code}\"", received.HtmlBody);
        Assert.DoesNotContain("<img", received.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.Equal("lapor@baliprov.example", received.From.Mailboxes.Single().Address);

        await CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "koordinator");
        await CompleteAsync(code, "tindakLanjut", new { outcome = "forward", forwardTo = "puprkim", forwardReason = "Bangunan puskesmas urusan PUPRKIM." }, "dinkes.petugas");
        await CompleteAsync(code, "tindakLanjut", new { outcome = "ask", question = "Sejak kapan antrean sepanjang ini?" }, "puprkim.petugas");
        var mail = await MailAsync(address, 4);
        Assert.Equal([$"We received report {code}", $"Report {code} has been verified", $"Report {code} forwarded to {await AgencyNameAsync("puprkim")}",
            $"Report {code}: more information needed"], mail.Select(m => m.Subject));
        Assert.Contains(await AgencyNameAsync("dinkes"), mail[1].TextBody);
        Assert.Contains("Bangunan puskesmas urusan PUPRKIM.", mail[2].TextBody);
        Assert.Contains("Sejak kapan antrean sepanjang ini?", mail[3].TextBody);
        // At least once, and a receiver can tell a repeat: every message has its own id.
        Assert.Equal(4, mail.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Answer_Reopen_AndTheRealClose_AreToldInIndonesianByDefault()
    {
        const string address = "ketut.id@example.org";
        var code = await SubmitAsync(address, "id");
        await CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "koordinator");
        await CompleteAsync(code, "tindakLanjut", new { outcome = "respond", response = "Loket pendaftaran ditambah dua." }, "dinkes.petugas");
        using (var scope = host.Services.CreateScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ReporterActions>().ReopenAsync(code, "Antrean masih panjang."));
        // The answer waits for the reporter: it is not a close, so no "closed" notice comes with it.
        var mail = await MailAsync(address, 4);
        Assert.Equal([$"Laporan {code} telah kami terima", $"Laporan {code} telah diverifikasi", $"Laporan {code} telah ditanggapi",
            $"Laporan {code} dibuka kembali"], mail.Select(m => m.Subject));
        Assert.Contains("Loket pendaftaran ditambah dua.", mail[2].TextBody);
        Assert.Contains("Antrean masih panjang.", mail[3].TextBody);

        await CompleteAsync(code, "tindakLanjut", new { outcome = "respond", response = "Loket dibuka pukul 07.00." }, "dinkes.petugas");
        using (var scope = host.Services.CreateScope())
            Assert.Empty(await scope.ServiceProvider.GetRequiredService<ReporterActions>().ConfirmAsync(code, 4, null));
        mail = await MailAsync(address, 6);
        Assert.Equal([$"Laporan {code} telah ditanggapi", $"Laporan {code} ditutup"], mail.Skip(4).Select(m => m.Subject));
    }

    [Fact]
    public async Task Unsubscribing_StopsFurtherNotices_AndTheLinkOnlyAsksOnGet()
    {
        const string address = "ketut.stop@example.org";
        var code = await SubmitAsync(address, "id");
        var link = UnsubscribeLink().Match(Assert.Single(await MailAsync(address, 1)).TextBody ?? "").Value;
        var path = new Uri(link).AbsolutePath;

        using var browser = host.CreateClient();
        var page = await browser.GetStringAsync(path);
        Assert.Contains(code, page);
        Assert.False(await StoppedAsync(code), "opening the link must not unsubscribe (mail scanners open links)");
        var token = AntiforgeryToken().Match(page).Groups[1].Value;
        using var posted = await browser.PostAsync(path, new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = token }));
        Assert.Equal(HttpStatusCode.OK, posted.StatusCode);
        Assert.True(await StoppedAsync(code));

        await CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "koordinator");
        // The officer's notice of the same step arrives; the reporter's never does.
        await host.Smtp.WaitAsync(all => all.Any(m => (m.Subject ?? "").Contains(code) && m.To.Mailboxes.Any(b => b.Address == "dinkes.petugas@lapor.example")));
        await Task.Delay(1500);
        Assert.Single(host.Smtp.To(address));

        using var unknown = await browser.GetAsync("/Berhenti/00000000000000000000000000000000");
        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
    }

    [Fact]
    public async Task AnAnonymousReporter_WhoLeftOnlyAPhone_GetsNoMail_AndOfficersNeverSeeTheirAddress()
    {
        var code = await SubmitAsync(email: null!, "id", anonymous: true, phone: "081337123456");
        await CompleteAsync(code, "verifikasi", new { decision = "verify", agency = "dinkes" }, "koordinator");
        var staff = await host.Smtp.WaitAsync(all => all.Any(m => (m.Subject ?? "").Contains(code) && m.To.Mailboxes.Any(b => b.Address == "dinkes.petugas@lapor.example")));
        foreach (var message in staff.Where(m => (m.Subject ?? "").Contains(code) || (m.TextBody ?? "").Contains(code)))
        {
            Assert.DoesNotContain("Ketut", message.TextBody);
            Assert.DoesNotContain("081337123456", message.TextBody);
            Assert.DoesNotContain("+6281337123456", message.TextBody);
            Assert.All(message.To.Mailboxes, b => Assert.EndsWith("@lapor.example", b.Address));
        }
        // Their phone gets the short messages through the gateway.
        var texts = await host.Gateway.WaitAsync(all => all.Count(r => r.Body.Contains(code)) >= 2);
        foreach (var request in texts.Where(r => r.Body.Contains(code)))
        {
            Assert.Equal(("POST", "/kirim"), (request.Method, request.Path));
            Assert.Equal($"Bearer {NoticesHost.GatewayToken}", request.Headers["Authorization"]);
            var json = JsonDocument.Parse(request.Body).RootElement;
            Assert.Equal("+6281337123456", json.GetProperty("to").GetString());
            Assert.Equal(request.Headers["Idempotency-Key"], json.GetProperty("reference").GetString());
            var text = json.GetProperty("text").GetString()!;
            Assert.Contains(code, text);
            Assert.True(text.Length <= Lapor.Host.Delivery.SmsGatewayChannel.MaxLength, text);
        }
        Assert.Equal(texts.Count, texts.Select(r => r.Headers["Idempotency-Key"]).Distinct().Count());
    }

    [Fact]
    public void GatewayBodyTemplate_EscapesForJson_AndForForms()
    {
        const string text = "Lapor \"X\" & selesai";
        Assert.Equal("{\"to\":\"+62811\",\"text\":\"Lapor \\\"X\\\" & selesai\"}",
            Lapor.Host.Delivery.SmsGatewayChannel.Fill("{\"to\":\"{to}\",\"text\":\"{text}\"}", "application/json", "+62811", text, "k"));
        Assert.Equal("to=%2B62811&msg=Lapor%20%22X%22%20%26%20selesai&id=k",
            Lapor.Host.Delivery.SmsGatewayChannel.Fill("to={to}&msg={text}&id={id}", "application/x-www-form-urlencoded", "+62811", text, "k"));
    }

    private async Task<bool> StoppedAsync(string code)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Reports.AsNoTracking()
            .Where(r => r.TrackingCode == TrackingCode.Parse(code)).Select(r => r.NoticesStopped).SingleAsync();
    }

    private async Task<string> AgencyNameAsync(string code)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Agencies.Where(a => a.Code == code).Select(a => a.Name).SingleAsync();
    }

    [GeneratedRegex(@"https://lapor\.baliprov\.example/Berhenti/[0-9a-f]{32}")]
    private static partial Regex UnsubscribeLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryToken();
}
