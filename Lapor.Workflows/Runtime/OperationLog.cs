using System.Text.Json;
using Lapor.Workflows.History;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// Puts an operation done outside any process instance (an administrator retrying a notice, say) into the engine's
/// user-operation log, on the engine's own hash chain, so <c>/history/user-operation</c> and the integrity check see
/// it beside deployments and draft saves.
/// </summary>
public sealed class OperationLog(DbContext db, TimeProvider clock)
{
    public Task RecordAsync(string operation, string actor, string? value, object detail, CancellationToken ct = default) =>
        RecordOnChainAsync(Deployer.EngineChain, operation, actor, value, detail, ct);

    /// <summary>
    /// The same on a chain of the host's own, e.g. the auditors' log of revealed reporters, which the integrity check
    /// covers like any other chain while the engine's user-operation log stays about the engine.
    /// </summary>
    public async Task RecordOnChainAsync(string chainId, string operation, string actor, string? value, object detail, CancellationToken ct = default)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(chainId);
        ArgumentException.ThrowIfNullOrWhiteSpace(operation);
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        var owns = db.Database.CurrentTransaction is null;
        var transaction = owns ? await db.Database.BeginTransactionAsync(ct) : null;
        try
        {
            var history = await HistoryWriter.OpenAsync(db, chainId, ct);
            history.Append(new HistoryEventRow
            {
                Kind = HistoryEventKind.UserOperation, Time = WorkflowClock.Utc(clock.GetUtcNow()), Actor = actor, Name = operation, Value = value,
                Detail = JsonSerializer.Serialize(detail),
            });
            await db.SaveChangesAsync(ct);
            await history.FlushAsync(ct);
            if (transaction is not null)
                await transaction.CommitAsync(ct);
        }
        finally
        {
            if (transaction is not null)
                await transaction.DisposeAsync();
        }
    }
}
