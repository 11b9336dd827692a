using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Delivery;

/// <summary>
/// Sends what is due in the outbox, at least once. Each message is first claimed with a conditional update (only a
/// message nobody holds, or whose holder's lease ran out, can be claimed), so with several hosts on one PostgreSQL
/// database exactly one of them sends it at a time, and a host that dies mid-send leaves it to the next after the lease.
/// A failure waits <c>FirstRetrySeconds</c>, doubling each time up to <c>MaxRetrySeconds</c>; after
/// <c>MaxAttempts</c> the message is dead and stays for the administrator (retry or discard).
/// </summary>
public sealed class OutboxDispatcher(LaporDb db, IEnumerable<IDeliveryChannel> channels, DeliverySettings settings, NoticeComposer composer,
    TimeProvider clock, ILogger<OutboxDispatcher> log)
{
    /// <summary>This process, as named in <see cref="OutboxMessage.ClaimedBy"/>.</summary>
    public static readonly string HostId = $"{Environment.MachineName}:{Environment.ProcessId}:{Guid.NewGuid().ToString("N")[..8]}";

    public sealed record Round(int Sent, int Failed, int FannedOut);

    public async Task<Round> RunOnceAsync(CancellationToken ct = default)
    {
        var byName = channels.Where(c => c.Enabled).ToDictionary(c => c.Name);
        if (byName.Count == 0)
            return new Round(0, 0, 0);
        var fannedOut = byName.ContainsKey(EmailChannel.ChannelName) ? await FanOutAsync(ct) : 0;
        var names = byName.Keys.ToList();
        var now = Now();
        var due = await Pending().Where(m => names.Contains(m.Channel) && !m.Recipient.StartsWith("group:") && !m.Recipient.StartsWith("user:")
                                             && (m.NextAttemptAt == null || m.NextAttemptAt <= now))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(settings.BatchSize).ToListAsync(ct);
        int sent = 0, failed = 0;
        foreach (var id in due)
        {
            if (!await ClaimAsync(id, ct))
                continue;
            var message = await db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id, ct);
            try
            {
                await byName[message.Channel].SendAsync(message, ct);
                await db.Outbox.Where(m => m.Id == id && m.ClaimedBy == HostId).ExecuteUpdateAsync(s => s
                    .SetProperty(m => m.SentAt, Now()).SetProperty(m => m.Attempts, m => m.Attempts + 1).SetProperty(m => m.LastError, (string?)null)
                    .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct);
                sent++;
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !ct.IsCancellationRequested)
            {
                failed++;
                await FailAsync(message, ex, ct);
            }
        }
        return new Round(sent, failed, fannedOut);
    }

    /// <summary>Neither sent nor dead, and not held by a live claim.</summary>
    private IQueryable<OutboxMessage> Pending()
    {
        var now = Now();
        return db.Outbox.AsNoTracking().Where(m => m.SentAt == null && m.DeadAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now));
    }

    private async Task<bool> ClaimAsync(long id, CancellationToken ct)
    {
        var now = Now();
        var until = now.AddSeconds(settings.LeaseSeconds);
        return await db.Outbox.Where(m => m.Id == id && m.SentAt == null && m.DeadAt == null && (m.ClaimedUntil == null || m.ClaimedUntil < now))
            .ExecuteUpdateAsync(s => s.SetProperty(m => m.ClaimedBy, HostId).SetProperty(m => m.ClaimedUntil, until), ct) == 1;
    }

    private async Task FailAsync(OutboxMessage message, Exception ex, CancellationToken ct)
    {
        var attempts = message.Attempts + 1;
        var dead = attempts >= settings.MaxAttempts;
        var wait = Math.Min(settings.MaxRetrySeconds, settings.FirstRetrySeconds * Math.Pow(2, Math.Min(attempts - 1, 30)));
        var error = $"{ex.GetType().Name}: {ex.Message}";
        if (error.Length > 1000)
            error = error[..1000];
        var now = Now();
        log.LogWarning("Outbox message {Id} ({Channel}, {Template}) failed, attempt {Attempt} of {Max}: {Error}",
            message.Id, message.Channel, message.Template, attempts, settings.MaxAttempts, error);
        await db.Outbox.Where(m => m.Id == message.Id && m.ClaimedBy == HostId).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.Attempts, attempts).SetProperty(m => m.LastError, error)
            .SetProperty(m => m.NextAttemptAt, now.AddSeconds(wait)).SetProperty(m => m.DeadAt, dead ? now : null)
            .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null), CancellationToken.None);
    }

    /// <summary>
    /// Turns each due <c>group:</c>/<c>user:</c> message into one e-mail per address, in one transaction with marking the
    /// group message sent, so a crash repeats the whole fan-out or none of it.
    /// </summary>
    private async Task<int> FanOutAsync(CancellationToken ct)
    {
        var groups = await Pending().Where(m => m.Recipient.StartsWith("group:") || m.Recipient.StartsWith("user:"))
            .OrderBy(m => m.Id).Select(m => m.Id).Take(settings.BatchSize).ToListAsync(ct);
        var made = 0;
        foreach (var id in groups)
        {
            if (!await ClaimAsync(id, ct))
                continue;
            var parent = await db.Outbox.AsNoTracking().FirstAsync(m => m.Id == id, ct);
            var addresses = await StaffNotices.AddressesAsync(db, parent.Recipient, ct);
            var (subject, body, html) = parent.Body is null ? await ReminderAsync(parent, ct) : (parent.Subject, parent.Body, parent.HtmlBody);
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            // Numbered within the parent, so a second fan-out of the same parent would collide on the unique key.
            var index = 0;
            foreach (var address in addresses)
            {
                db.Outbox.Add(new OutboxMessage
                {
                    ProcessInstanceId = parent.ProcessInstanceId, BusinessKey = parent.BusinessKey, Template = parent.Template, Channel = parent.Channel,
                    Recipient = address, Subject = subject, Body = body, HtmlBody = html, CreatedAt = Now(),
                    IdempotencyKey = $"{parent.IdempotencyKey}-{index++}",
                });
            }
            await db.SaveChangesAsync(ct);
            // Only while this host still holds the claim: if the lease ran out and another host took the message over, its
            // fan-out is the one that counts, and this one is rolled back rather than sending every address twice.
            var stillOurs = await db.Outbox.Where(m => m.Id == id && m.ClaimedBy == HostId && m.SentAt == null).ExecuteUpdateAsync(s => s
                .SetProperty(m => m.SentAt, Now()).SetProperty(m => m.LastError, addresses.Count == 0 ? "Tidak ada akun aktif dengan e-mail." : null)
                .SetProperty(m => m.ClaimedBy, (string?)null).SetProperty(m => m.ClaimedUntil, (DateTime?)null), ct) == 1;
            if (stillOurs)
            {
                await transaction.CommitAsync(ct);
                made += addresses.Count;
            }
            else
                await transaction.RollbackAsync(ct);
            db.ChangeTracker.Clear();
        }
        return made;
    }

    /// <summary>
    /// The process's <c>notify</c> reminder (and release 1's unsent ones) carries no text: it is "due tomorrow" for the
    /// agency, written when it goes out.
    /// </summary>
    private async Task<(string?, string?, string?)> ReminderAsync(OutboxMessage parent, CancellationToken ct)
    {
        var title = parent.ProcessInstanceId is { } instance
            ? await db.Reports.AsNoTracking().Where(r => r.ProcessInstanceId == instance).Select(r => r.Title).FirstOrDefaultAsync(ct)
            : null;
        var agencyCode = parent.Recipient[(parent.Recipient.IndexOf(':') + 1)..];
        var agency = await db.Agencies.AsNoTracking().Where(a => a.Code == agencyCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? agencyCode;
        var notice = composer.ForStaff(StaffNotice.DueTomorrow, parent.BusinessKey ?? "", title ?? "", agency, "", null);
        return (notice.Subject, notice.Text, notice.Html);
    }

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;
}
