using Lapor.Host.Data;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Delivery;

/// <summary>
/// What the administrator's outbox page shows and does: pending and dead messages with their last error, retry (back
/// to pending, attempts reset) and discard (dead, with who and why). Both go into the user-operation log.
/// Addresses are masked: the page is for seeing whether delivery works, not a list of citizens' contacts.
/// </summary>
public sealed class OutboxAdministration(LaporDb db, OperationLog operations, TimeProvider clock)
{
    public const string RetryOperation = "RetryNotice";
    public const string DiscardOperation = "DiscardNotice";
    public const int PageSize = 50;

    public sealed record Row(long Id, string Channel, string Template, string Recipient, string? Report, DateTime CreatedAt, int Attempts,
        DateTime? NextAttemptAt, string? LastError, DateTime? DeadAt);

    public sealed record Counts(int Pending, int Dead, int Sent);

    public async Task<Counts> CountAsync(CancellationToken ct = default)
    {
        var outbox = db.Outbox.AsNoTracking();
        return new Counts(
            await outbox.CountAsync(m => m.SentAt == null && m.DeadAt == null, ct),
            await outbox.CountAsync(m => m.DeadAt != null, ct),
            await outbox.CountAsync(m => m.SentAt != null, ct));
    }

    public async Task<IReadOnlyList<Row>> ListAsync(bool dead, CancellationToken ct = default)
    {
        var query = db.Outbox.AsNoTracking().Where(m => dead ? m.DeadAt != null : m.SentAt == null && m.DeadAt == null);
        var rows = await query.OrderByDescending(m => m.Id).Take(PageSize)
            .Select(m => new Row(m.Id, m.Channel, m.Template, m.Recipient, m.BusinessKey, m.CreatedAt, m.Attempts, m.NextAttemptAt, m.LastError, m.DeadAt))
            .ToListAsync(ct);
        return rows.Select(r => r with { Recipient = Mask(r.Recipient) }).ToList();
    }

    /// <summary>Back to pending now. False when the message is not dead or pending (already sent, or unknown).</summary>
    public async Task<bool> RetryAsync(long id, string actor, CancellationToken ct = default)
    {
        var changed = await db.Outbox.Where(m => m.Id == id && m.SentAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.DeadAt, (DateTime?)null).SetProperty(m => m.Attempts, 0).SetProperty(m => m.NextAttemptAt, (DateTime?)null), ct);
        if (changed == 1)
            await operations.RecordAsync(RetryOperation, actor, id.ToString(System.Globalization.CultureInfo.InvariantCulture), new { outboxMessageId = id }, ct);
        return changed == 1;
    }

    /// <summary>Never sent: marked dead with the reason. False when it was already sent or is unknown.</summary>
    public async Task<bool> DiscardAsync(long id, string actor, string? reason, CancellationToken ct = default)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var note = $"Dibuang oleh {actor}" + (string.IsNullOrWhiteSpace(reason) ? "" : $": {reason.Trim()}");
        if (note.Length > 1000)
            note = note[..1000];
        var changed = await db.Outbox.Where(m => m.Id == id && m.SentAt == null).ExecuteUpdateAsync(s => s
            .SetProperty(m => m.DeadAt, now).SetProperty(m => m.LastError, note), ct);
        if (changed == 1)
            await operations.RecordAsync(DiscardOperation, actor, id.ToString(System.Globalization.CultureInfo.InvariantCulture),
                new { outboxMessageId = id, reason = reason?.Trim() }, ct);
        return changed == 1;
    }

    /// <summary>"b***@contoh.id", "+62812****90", "group:dinas-pu" as is.</summary>
    public static string Mask(string recipient)
    {
        if (StaffNotices.IsGroupRecipient(recipient) || recipient.StartsWith("http", StringComparison.OrdinalIgnoreCase))
            return recipient;
        var at = recipient.IndexOf('@');
        if (at > 0)
            return recipient[0] + "***" + recipient[at..];
        return recipient.Length > 8 ? recipient[..6] + new string('*', recipient.Length - 8) + recipient[^2..] : "***";
    }
}
