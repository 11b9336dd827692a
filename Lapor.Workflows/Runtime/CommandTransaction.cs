using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// The transaction of one engine command: its own, begun when the command says (at once, or only when it saves), or
/// none, when the command joined its caller's and the caller commits.
/// </summary>
internal sealed class CommandTransaction(DbContext db, bool own) : IAsyncDisposable
{
    private IDbContextTransaction? transaction;

    public async Task BeginAsync(CancellationToken ct)
    {
        if (own && transaction is null)
            transaction = await db.Database.BeginTransactionAsync(ct);
    }

    public async Task CommitAsync(CancellationToken ct)
    {
        if (transaction is not null)
            await transaction.CommitAsync(ct);
    }

    /// <summary>
    /// Rolls a failed command's transaction back in so many words: disposing it would too, but silently, and on SQLite
    /// the next writer waits for the rollback's event (<see cref="Persistence.Sqlite.SqliteWriteGate"/>). A rollback that
    /// fails (the connection broke) leaves the disposal to clean up, as before.
    /// </summary>
    public async Task RollBackQuietlyAsync()
    {
        if (transaction is null)
            return;
        try
        {
            await transaction.RollbackAsync(CancellationToken.None);
        }
        catch (Exception ex) when (ex is DbException or InvalidOperationException)
        {
            // Nothing to add: the command's own exception is the one worth reporting.
        }
    }

    public ValueTask DisposeAsync() => transaction?.DisposeAsync() ?? ValueTask.CompletedTask;
}
