using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Logging;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// Runs work once the EF transaction it was queued on has committed, and drops it when that transaction rolls back.
/// The engine writes job rows in the command's transaction, which is the caller's when one is open (report intake
/// saves the report and starts its process in one); Quartz must hear of a job only after its row is committed, or a
/// trigger could fire before the row is visible, or exist for a row a rollback took away. EF offers no "on commit"
/// callback on <see cref="Microsoft.EntityFrameworkCore.Storage.IDbContextTransaction"/>; this interceptor, which
/// <c>AddWorkflowEngine</c> adds to the engine's context, is that callback, for the engine's own transactions and the
/// caller's alike. A transaction committed outside EF (a raw <see cref="DbTransaction"/>) runs nothing: the sweep
/// still fires its jobs. A rollback to a savepoint keeps the work; a trigger whose row it removed finds no row and is
/// ignored, as any stale trigger is.
/// </summary>
public sealed class AfterCommitInterceptor : DbTransactionInterceptor
{
    public static AfterCommitInterceptor Instance { get; } = new();

    // Per context, not per DbTransaction object: Npgsql reuses its transaction objects. The entry dies with the
    // context; a pooled context keeps it, and the transaction id check keeps one transaction's work from another's.
    private static readonly ConditionalWeakTable<DbContext, Queue> Queues = new();

    private AfterCommitInterceptor()
    {
    }

    public static bool IsRegisteredOn(DbContext db) =>
        db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()?.Interceptors?.Contains(Instance) == true;

    /// <summary>
    /// Queues <paramref name="work"/> to run after the context's current transaction commits. The work runs after the
    /// data is durable, so it must not throw: a failure is logged, never reported to the code that committed.
    /// </summary>
    public static void Enqueue(DbContext db, Func<Task> work)
    {
        var transaction = db.Database.CurrentTransaction
                          ?? throw new InvalidOperationException("Work can only wait for a commit inside a transaction.");
        if (!IsRegisteredOn(db))
            throw new InvalidOperationException(
                $"{nameof(AfterCommitInterceptor)} is not among the context's interceptors, so work queued for after the commit would never run. Register the engine with AddWorkflowEngine, or add {nameof(AfterCommitInterceptor)}.{nameof(Instance)} to the context's options.");
        var queue = Queues.GetOrCreateValue(db);
        // A transaction disposed without commit or rollback (the caller's `using` after an exception) raises no
        // event; its work is still here and is dropped as soon as a newer transaction queues.
        if (queue.TransactionId != transaction.TransactionId)
        {
            queue.Work.Clear();
            queue.TransactionId = transaction.TransactionId;
        }
        queue.Work.Add(work);
    }

    public override async Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default) =>
        await RunAsync(eventData.Context, eventData.TransactionId);

    // A caller that commits synchronously waits for the work as well, as it waits for the commit.
    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        RunAsync(eventData.Context, eventData.TransactionId).GetAwaiter().GetResult();

    public override Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Take(eventData.Context, eventData.TransactionId);
        return Task.CompletedTask;
    }

    public override void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) =>
        Take(eventData.Context, eventData.TransactionId);

    // A commit that failed may or may not have reached the disk: run nothing (the sweep fires any job row that did
    // commit). A failed savepoint leaves the transaction going, so its work stays.
    public override Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    public override void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Action is "Commit" or "Rollback")
            Take(eventData.Context, eventData.TransactionId);
    }

    private static async Task RunAsync(DbContext? db, Guid transactionId)
    {
        foreach (var work in Take(db, transactionId))
        {
            try
            {
                await work();
            }
            catch (Exception ex)
            {
                // The transaction has committed; an exception here would tell its caller it had not.
                db?.GetService<ILoggerFactory>().CreateLogger<AfterCommitInterceptor>().LogError(ex, "Work queued for after commit failed");
            }
        }
    }

    /// <summary>Removes and returns the work queued for this transaction; work of an older one is dropped.</summary>
    private static List<Func<Task>> Take(DbContext? db, Guid transactionId)
    {
        if (db is null || !Queues.TryGetValue(db, out var queue) || queue.Work.Count == 0)
            return [];
        var work = queue.TransactionId == transactionId ? queue.Work.ToList() : [];
        queue.Work.Clear();
        return work;
    }

    private sealed class Queue
    {
        public Guid TransactionId { get; set; }
        public List<Func<Task>> Work { get; } = [];
    }
}
