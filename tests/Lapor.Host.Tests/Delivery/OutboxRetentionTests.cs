using Lapor.Host.Data;
using Lapor.Host.Delivery;
using Lapor.Host.Tests.Reports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Delivery;

/// <summary>Delivered messages go after <c>KeepSentDays</c>; what is pending or dead stays until someone deals with it.</summary>
public sealed class OutboxRetentionTests(ReportsHost host) : IClassFixture<ReportsHost>
{
    private async Task<long> AddAsync(string label, DateTime? sentAt, DateTime? deadAt)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        // A channel no host sends through, so the dispatcher leaves the pending one alone.
        var message = new OutboxMessage
        {
            Template = "test.retention", Channel = "retention-test", Recipient = $"{label}@example.org", Subject = label, Body = "Isi pesan uji.",
            CreatedAt = DateTime.UtcNow.AddDays(-200), SentAt = sentAt, DeadAt = deadAt,
        };
        db.Outbox.Add(message);
        await db.SaveChangesAsync();
        return message.Id;
    }

    private async Task<HashSet<long>> LeftAsync(params long[] ids)
    {
        using var scope = host.Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        return (await db.Outbox.AsNoTracking().Where(m => ids.Contains(m.Id)).Select(m => m.Id).ToListAsync()).ToHashSet();
    }

    [Fact]
    public async Task SentMessagesPastTheirDays_AreDeleted_PendingAndDeadOnesStay()
    {
        var now = DateTime.UtcNow;
        var old = new List<long>();
        // More than one batch of old ones, so the prune goes on until none is left.
        for (var i = 0; i < OutboxRetention.BatchSize + 3; i++)
            old.Add(await AddAsync($"lama{i}", now.AddDays(-91), null));
        var recent = await AddAsync("baru", now.AddDays(-89), null);
        var pending = await AddAsync("antre", null, null);
        var dead = await AddAsync("mati", null, now.AddDays(-300));

        using (var scope = host.Services.CreateScope())
        {
            var retention = scope.ServiceProvider.GetRequiredService<OutboxRetention>();
            await retention.PruneAsync();
            // Nothing due is left for a second run (the hourly job may have taken some of them first).
            Assert.Equal(0, await retention.PruneAsync());
        }

        Assert.Equal([recent, pending, dead], (await LeftAsync([.. old, recent, pending, dead])).Order());
    }

    [Fact]
    public async Task KeepSentDaysZero_KeepsEverything()
    {
        // Sent yesterday, so the host's own hourly prune leaves it alone; to the retention below it is ten years old.
        var sent = await AddAsync("simpan", DateTime.UtcNow.AddDays(-1), null);
        using (var scope = host.Services.CreateScope())
        {
            var tenYearsOn = new ShiftedClock(TimeSpan.FromDays(3650));
            var keepAll = new OutboxRetention(scope.ServiceProvider.GetRequiredService<LaporDb>(), new DeliverySettings { KeepSentDays = 0 }, tenYearsOn);
            Assert.Equal(0, await keepAll.PruneAsync());
            var keepNinety = new OutboxRetention(scope.ServiceProvider.GetRequiredService<LaporDb>(), new DeliverySettings(), tenYearsOn);
            Assert.True(await keepNinety.PruneAsync() >= 1);
        }
        Assert.Empty(await LeftAsync(sent));
    }

    private sealed class ShiftedClock(TimeSpan by) : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow() + by;
    }

    [Fact]
    public void ANegativeRetention_IsRefusedAtStartUp()
    {
        Assert.Contains(new DeliverySettings { KeepSentDays = -1 }.Problems(), p => p.Contains("KeepSentDays"));
    }
}
