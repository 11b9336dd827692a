using System.Text.Json;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;

namespace Lapor.Host.Audit.Exports;

/// <summary>
/// Every reveal of a reporter's identity is a row on its own hash chain (<see cref="Chain"/>) in the engine's history
/// table: who, when, why and which cases. The integrity check covers it like any other chain, so a reveal cannot be
/// quietly removed, and it sits apart from the instance chains so auditing never adds rows to a case's own journal.
/// </summary>
public sealed class RevealLog(OperationLog operations, HistoryQuery history)
{
    public const string Chain = "audit";
    public const string Operation = "RevealReporter";

    public Task RecordAsync(string actor, string reason, string scope, IReadOnlyList<string> trackingCodes, CancellationToken ct = default) =>
        operations.RecordOnChainAsync(Chain, Operation, actor, scope, new { reason, cases = trackingCodes }, ct);

    public async Task<IReadOnlyList<RevealEntry>> RecentAsync(int count = 50, CancellationToken ct = default)
    {
        var rows = await history.OperationsAsync(new HistoricOperationFilter { ChainId = Chain, OperationType = Operation }, descending: true,
            new HistoryPage { Take = count }, ct);
        return rows.Select(r =>
        {
            using var detail = JsonDocument.Parse(r.Detail ?? "{}");
            var reason = detail.RootElement.TryGetProperty("reason", out var why) ? why.GetString() : null;
            var cases = detail.RootElement.TryGetProperty("cases", out var list) ? list.EnumerateArray().Select(c => c.GetString() ?? "").ToList() : [];
            return new RevealEntry(new DateTimeOffset(DateTime.SpecifyKind(r.Time, DateTimeKind.Utc)), r.Actor ?? "", reason ?? "", r.Value ?? "", cases);
        }).ToList();
    }
}
