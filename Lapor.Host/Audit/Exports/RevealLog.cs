using System.Text.Json;
using Lapor.Host.Data;
using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Exports;

/// <summary>
/// Every reveal of a reporter's identity is a row on its own hash chain (<see cref="Chain"/>) in the engine's history
/// table: who, when, why and which cases. The integrity check covers it like any other chain, so a reveal cannot be
/// quietly removed, and it sits apart from the instance chains so auditing never adds rows to a case's own journal.
/// </summary>
public sealed class RevealLog(LaporDb db, TimeProvider clock)
{
    public const string Chain = "audit";
    public const string Operation = "RevealReporter";

    public async Task RecordAsync(string actor, string reason, string scope, IReadOnlyList<string> trackingCodes, CancellationToken ct = default)
    {
        var strategy = db.Database.CreateExecutionStrategy();
        await strategy.ExecuteAsync(async () =>
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var writer = await HistoryWriter.OpenAsync(db, Chain, ct);
            writer.Append(new HistoryEventRow
            {
                Kind = HistoryEventKind.UserOperation,
                Time = HistoryHash.Truncate(clock.GetUtcNow()),
                Actor = actor,
                Name = Operation,
                Value = scope,
                Detail = JsonSerializer.Serialize(new { reason, cases = trackingCodes }),
            });
            await db.SaveChangesAsync(ct);
            await writer.FlushAsync(ct);
            await transaction.CommitAsync(ct);
        });
    }

    public async Task<IReadOnlyList<RevealEntry>> RecentAsync(int count = 50, CancellationToken ct = default)
    {
        var rows = await db.Set<HistoryEventRow>().AsNoTracking()
            .Where(h => h.ChainId == Chain && h.Name == Operation)
            .OrderByDescending(h => h.Seq).Take(count).ToListAsync(ct);
        return rows.Select(r =>
        {
            using var detail = JsonDocument.Parse(r.Detail ?? "{}");
            var reason = detail.RootElement.TryGetProperty("reason", out var why) ? why.GetString() : null;
            var cases = detail.RootElement.TryGetProperty("cases", out var list) ? list.EnumerateArray().Select(c => c.GetString() ?? "").ToList() : [];
            return new RevealEntry(new DateTimeOffset(DateTime.SpecifyKind(r.Time, DateTimeKind.Utc)), r.Actor ?? "", reason ?? "", r.Value ?? "", cases);
        }).ToList();
    }
}
