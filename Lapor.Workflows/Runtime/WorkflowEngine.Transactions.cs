using System.Diagnostics;
using System.Runtime.CompilerServices;
using System.Data.Common;
using Lapor.Workflows.Errors;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Persistence.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.Logging;

namespace Lapor.Workflows.Runtime;

/// <summary>The one-transaction-per-command rule, and what happens after commit.</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>The running command's transaction, so a service task handler can make it begin before it runs.</summary>
    private CommandTransaction? current;

    /// <param name="beginAtSave">The command only creates (a new instance): nothing it reads can be changed under it by
    /// another writer, so in its own transaction it works the instance out first and begins when it saves, or before a
    /// service task handler runs, which may write at once. On SQLite a transaction holds the file's write turn
    /// (decision 032), so this keeps the interpreter, decisions and history packing out of everyone else's wait.</param>
    private async Task<T> InTransactionAsync<T>(Func<List<CommandScope>, Task<T>> body, CancellationToken ct,
        [CallerMemberName] string command = "", bool beginAtSave = false)
    {
        var started = Stopwatch.GetTimestamp();
        var outcome = "error";
        var scopes = new List<CommandScope>();
        var own = db.Database.CurrentTransaction is null;
        // Changes are detected once, just before saving, instead of on every Local/Entries look-up of the command.
        var autoDetect = db.ChangeTracker.AutoDetectChangesEnabled;
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        // On SQLite a kept-open connection, whose statements stay compiled from the scope's last command (decision 025).
        if (own)
            await services.GetRequiredService<KeptConnectionLease>().UseAsync(db, ct);
        await using var transaction = new CommandTransaction(db, own);
        if (!beginAtSave)
            await transaction.BeginAsync(ct);
        var outer = current;
        current = transaction;
        // In its own transaction a failed save rolls everything back anyway; EF's automatic savepoint around
        // SaveChanges would only add two statements (SAVEPOINT, RELEASE) to every command.
        var savepoints = db.Database.AutoSavepointsEnabled;
        if (own)
            db.Database.AutoSavepointsEnabled = false;
        try
        {
            var result = await body(scopes);
            var history = new List<HistoryRecord>(scopes.Count);
            foreach (var scope in scopes)
                if (await scope.TakeHistoryAsync(ct) is { } record)
                    history.Add(record);
            db.ChangeTracker.DetectChanges();
            await transaction.BeginAsync(ct);
            // One save for the whole command: the engine's rows and history through its store, the host's rows through EF.
            await RuntimeStore.For(db).SaveAsync(db, history, endsCommand: true, ct);
            // The scheduler hears of the jobs when the transaction holding their rows commits: ours just below, or
            // the caller's whenever it does (and never, if it rolls back).
            if (scopes.Exists(s => s.NewJobs.Count > 0 || s.RemovedJobIds.Count > 0))
                AfterCommitInterceptor.Enqueue(db, () => HandJobsToSchedulerAsync(scopes));
            await transaction.CommitAsync(ct);
            // Every command loads fresh rows; keeping old ones tracked would only grow the context and go stale.
            ForgetEngineChanges();
            outcome = "ok";
            return result;
        }
        catch (Exception ex) when (ex is DbUpdateConcurrencyException || IsConcurrentWrite(ex))
        {
            ForgetEngineChanges();
            outcome = "conflict";
            throw new WorkflowConflictException("Someone else changed this process instance or task at the same time; nothing was changed. Reload and try again.");
        }
        catch (Exception ex)
        {
            ForgetEngineChanges();
            if (ex is WorkflowConflictException)
                outcome = "conflict";
            throw;
        }
        finally
        {
            current = outer;
            if (outcome != "ok")
                await transaction.RollBackQuietlyAsync();
            db.ChangeTracker.AutoDetectChangesEnabled = autoDetect;
            db.Database.AutoSavepointsEnabled = savepoints;
            metrics.CommandFinished(command.EndsWith("Async", StringComparison.Ordinal) ? command[..^5] : command, outcome, Stopwatch.GetElapsedTime(started));
        }
    }

    /// <summary>
    /// On PostgreSQL two commands on one instance (from two hosts, say) run at once. The later one can trip over rows
    /// the earlier one inserted (both set the same variable: unique violation) before it reaches the guarded update
    /// that would have refused it, or deadlock with it: the same conflict as a failed guard, and said the same way.
    /// </summary>
    private static bool IsConcurrentWrite(Exception ex) =>
        (ex as DbException ?? ex.InnerException as DbException)?.SqlState is "23505" or "40001" or "40P01";

    /// <summary>
    /// After a failed command the context still tracks the rows it meant to write; drop them so the next command on
    /// the same context starts clean. Only the engine's rows: the host's pending changes are its own business.
    /// </summary>
    private void ForgetEngineChanges()
    {
        var engineAssembly = typeof(WorkflowEngine).Assembly;
        var entries = db.ChangeTracker.Entries().ToList();
        // Usually the context holds nothing else: clearing it at once skips the fix-up each single detach does.
        if (entries.TrueForAll(e => e.Entity.GetType().Assembly == engineAssembly))
        {
            db.ChangeTracker.Clear();
            return;
        }
        foreach (var entry in entries.Where(e => e.Entity.GetType().Assembly == engineAssembly))
            entry.State = EntityState.Detached;
    }

    /// <summary>Runs after the commit (<see cref="AfterCommitInterceptor"/>), so a trigger never finds its job row missing.</summary>
    private async Task HandJobsToSchedulerAsync(List<CommandScope> scopes)
    {
        foreach (var scope in scopes)
        {
            var removed = scope.RemovedJobIds.ToHashSet();
            try
            {
                foreach (var job in scope.NewJobs.Where(j => !removed.Contains(j.Id)))
                    await scheduler.ScheduleAsync(job.Id, WorkflowClock.Offset(job.DueAt));
                foreach (var id in removed)
                    await scheduler.UnscheduleAsync(id);
            }
            catch (Exception ex)
            {
                // The job rows are committed; the periodic sweep will fire them even without a trigger.
                log.LogError(ex, "Scheduling jobs of instance {Instance} failed", scope.Instance.Id);
            }
        }
    }
}
