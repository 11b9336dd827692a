using Lapor.Host.Data;
using Lapor.Host.Delivery;
using Lapor.Workflows.History;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Delivery;

/// <summary>The dispatcher's promises: at least once, never twice at the same time, retries with backoff, dead letters an
/// administrator can retry or discard (and the log says who did).</summary>
public sealed class DispatcherTests(NoticesHost host) : IClassFixture<NoticesHost>
{
    private async Task<long[]> EnqueueAsync(int count, string prefix)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        var rows = Enumerable.Range(0, count).Select(i => new OutboxMessage
        {
            Template = "test.direct", Channel = EmailChannel.ChannelName, Recipient = $"{prefix}{i}@example.org", Subject = $"{prefix} {i}",
            Body = "Isi pesan uji.", CreatedAt = DateTime.UtcNow,
        }).ToList();
        db.Outbox.AddRange(rows);
        await db.SaveChangesAsync();
        return rows.Select(r => r.Id).ToArray();
    }

    private async Task<OutboxMessage> MessageAsync(long id)
    {
        using var scope = host.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<LaporDb>().Outbox.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    // The server has the message before the dispatcher commits SentAt: wait for the commit rather than race it.
    private async Task<OutboxMessage> SentMessageAsync(long id, int seconds = 15)
    {
        var until = DateTime.UtcNow.AddSeconds(seconds);
        OutboxMessage message;
        while ((message = await MessageAsync(id)).SentAt is null && DateTime.UtcNow < until)
            await Task.Delay(100);
        return message;
    }

    [Fact]
    public async Task DispatchersRacing_SendEachMessageExactlyOnce()
    {
        var ids = await EnqueueAsync(40, "balapan");
        // Four rounds at once besides the host's own job: each message is claimed by one of them only.
        await Task.WhenAll(Enumerable.Range(0, 4).Select(async _ =>
        {
            using var scope = host.Services.CreateScope();
            await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync();
        }));
        var received = await host.Smtp.WaitAsync(all => all.Count(m => m.Subject!.StartsWith("balapan ")) >= 40);
        await Task.Delay(1500);
        var mine = host.Smtp.Received.Where(m => m.Subject!.StartsWith("balapan ")).ToList();
        Assert.Equal(40, mine.Count);
        Assert.Equal(40, mine.Select(m => m.Subject).Distinct().Count());
        foreach (var id in ids)
            Assert.NotNull((await SentMessageAsync(id)).SentAt);
    }

    [Fact]
    public async Task AFailingServer_IsRetriedWithBackoff_ThenDead_AndRetryByAnAdministratorDelivers()
    {
        host.Smtp.Refuse = true;
        long id;
        try
        {
            id = (await EnqueueAsync(1, "gagal"))[0];
            var until = DateTime.UtcNow.AddSeconds(40);
            OutboxMessage message;
            while ((message = await MessageAsync(id)).DeadAt is null)
            {
                Assert.True(DateTime.UtcNow < until, $"not dead after 40 s: {message.Attempts} attempts, last error {message.LastError}");
                await Task.Delay(200);
            }
            Assert.Equal(NoticesHost.MaxAttempts, message.Attempts);
            Assert.Null(message.SentAt);
            Assert.Contains("SmtpCommandException", message.LastError);
            // Dead means left alone: no further attempt reaches the server.
            var refused = host.Smtp.Refused;
            await Task.Delay(2500);
            Assert.Equal(refused, host.Smtp.Refused);
        }
        finally
        {
            host.Smtp.Refuse = false;
        }

        using (var scope = host.Services.CreateScope())
        {
            var admin = scope.ServiceProvider.GetRequiredService<OutboxAdministration>();
            var dead = await admin.ListAsync(dead: true);
            Assert.Contains(dead, r => r.Id == id && r.Recipient == "g***@example.org");
            Assert.True(await admin.RetryAsync(id, "admin"));
        }
        await host.Smtp.WaitAsync(all => all.Any(m => m.Subject == "gagal 0"));
        Assert.NotNull((await SentMessageAsync(id)).SentAt);
        Assert.True(await OperationLoggedAsync(OutboxAdministration.RetryOperation, id));
    }

    [Fact]
    public async Task Discard_MarksDead_WithWhoAndWhy_AndNothingIsSent()
    {
        host.Smtp.Refuse = true;
        long id;
        try
        {
            id = (await EnqueueAsync(1, "buang"))[0];
            using var scope = host.Services.CreateScope();
            Assert.True(await scope.ServiceProvider.GetRequiredService<OutboxAdministration>().DiscardAsync(id, "admin", "Alamat salah ketik"));
        }
        finally
        {
            host.Smtp.Refuse = false;
        }
        await Task.Delay(2500);
        var message = await MessageAsync(id);
        Assert.NotNull(message.DeadAt);
        Assert.Null(message.SentAt);
        Assert.Equal("Dibuang oleh admin: Alamat salah ketik", message.LastError);
        Assert.DoesNotContain(host.Smtp.Received, m => m.Subject == "buang 0");
        Assert.True(await OperationLoggedAsync(OutboxAdministration.DiscardOperation, id));
        using var again = host.Services.CreateScope();
        Assert.False(await again.ServiceProvider.GetRequiredService<OutboxAdministration>().DiscardAsync(-1, "admin", null));
    }

    [Fact]
    public async Task TheAdministratorsPage_ListsDeadMessagesMasked_AndItsRetryButtonWorks_OtherRolesAreRefused()
    {
        host.Smtp.Refuse = true;
        long id;
        try
        {
            id = (await EnqueueAsync(1, "halaman"))[0];
            var until = DateTime.UtcNow.AddSeconds(40);
            while ((await MessageAsync(id)).DeadAt is null)
            {
                Assert.True(DateTime.UtcNow < until, "message not dead after 40 s");
                await Task.Delay(200);
            }
        }
        finally
        {
            host.Smtp.Refuse = false;
        }
        using var admin = await Lapor.Host.Tests.Admin.Browser.SignedInAsync(host, "admin", Lapor.Host.Tests.Admin.Browser.AdminPassword);
        var page = await admin.Client.GetStringAsync("/Admin/Kotak-Keluar?mati=true");
        Assert.Contains($"data-message=\"{id}\"", page);
        Assert.Contains("h***@example.org", page);
        Assert.DoesNotContain("halaman0@example.org", page);
        Assert.Contains("SmtpCommandException", page);

        using var retried = await admin.PostFormAsync("/Admin/Kotak-Keluar?mati=true", $"/Admin/Kotak-Keluar?handler=Retry&id={id}&mati=true", []);
        Assert.Equal(System.Net.HttpStatusCode.Redirect, retried.StatusCode);
        await host.Smtp.WaitAsync(all => all.Any(m => m.Subject == "halaman 0"));

        using var officer = await Lapor.Host.Tests.Admin.Browser.SignedInAsync(host, "dinkes.petugas", Lapor.Host.Tests.Admin.Browser.DemoPassword);
        using var refused = await officer.Client.GetAsync("/Admin/Kotak-Keluar");
        // The sign-in cookie sends a refused user to the 403 page, which answers 403.
        Assert.Equal(System.Net.HttpStatusCode.Redirect, refused.StatusCode);
        Assert.StartsWith("/Status/403", refused.Headers.Location!.PathAndQuery);
        Assert.DoesNotContain("data-message", await refused.Content.ReadAsStringAsync());
    }

    [Fact]
    public void Addresses_AreMaskedOnTheAdministratorsPage()
    {
        Assert.Equal("k***@example.org", OutboxAdministration.Mask("ketut@example.org"));
        Assert.Equal("+62813******56", OutboxAdministration.Mask("+6281337123456"));
        Assert.Equal("group:dinkes", OutboxAdministration.Mask("group:dinkes"));
    }

    private async Task<bool> OperationLoggedAsync(string operation, long id)
    {
        using var scope = host.Services.CreateScope();
        var value = id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return (await new HistoryEvents(scope.ServiceProvider.GetRequiredService<LaporDb>()).OfChainAsync(Deployer.EngineChain))
            .Any(h => h.Kind == HistoryEventKind.UserOperation && h.Name == operation && h.Value == value && h.Actor == "admin");
    }
}
