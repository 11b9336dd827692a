using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Workflows.Persistence.Sqlite;

/// <summary>
/// Puts every EF write on SQLite through the file's <see cref="SqliteWriteGate"/>: a transaction from its start to
/// its end, a save or a statement that runs outside one for its duration. <see cref="WorkflowSqlite.UseWorkflowSqlite"/>
/// adds it first among a context's interceptors, so a commit gives the turn back before any after-commit work runs.
/// The engine's own statements (<see cref="SqliteRuntimeStore"/>) always run inside an EF transaction, so they are
/// covered by it.
/// </summary>
internal sealed class WriteGateInterceptor : IDbTransactionInterceptor, ISaveChangesInterceptor, IDbCommandInterceptor, IDbConnectionInterceptor
{
    public static WriteGateInterceptor Instance { get; } = new();

    private WriteGateInterceptor()
    {
    }

    // Transactions: from BEGIN to COMMIT or ROLLBACK.

    public InterceptionResult<DbTransaction> TransactionStarting(DbConnection connection, TransactionStartingEventData eventData, InterceptionResult<DbTransaction> result)
    {
        SqliteWriteGate.For(connection)?.Enter(connection, SqliteWriteGate.Purpose.Transaction);
        return result;
    }

    public async ValueTask<InterceptionResult<DbTransaction>> TransactionStartingAsync(DbConnection connection, TransactionStartingEventData eventData,
        InterceptionResult<DbTransaction> result, CancellationToken cancellationToken = default)
    {
        if (SqliteWriteGate.For(connection) is { } gate)
            await gate.EnterAsync(connection, SqliteWriteGate.Purpose.Transaction, cancellationToken);
        return result;
    }

    public DbTransaction TransactionStarted(DbConnection connection, TransactionEndEventData eventData, DbTransaction result)
    {
        SqliteWriteGate.For(connection)?.Began(connection);
        return result;
    }

    public ValueTask<DbTransaction> TransactionStartedAsync(DbConnection connection, TransactionEndEventData eventData, DbTransaction result,
        CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(TransactionStarted(connection, eventData, result));

    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionCommitted(transaction, eventData);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Ended(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionRolledBack(transaction, eventData);
        return Task.CompletedTask;
    }

    // A BEGIN that failed never held the file; a COMMIT that failed may leave the transaction open, and then the
    // rollback at disposal (or the connection's close) ends the turn.
    public void TransactionFailed(DbTransaction transaction, TransactionErrorEventData eventData)
    {
        if (eventData.Context?.Database.GetDbConnection() is { } connection && SqliteWriteGate.For(connection) is { } gate)
            gate.LeaveUnlessInTransaction(connection);
    }

    public Task TransactionFailedAsync(DbTransaction transaction, TransactionErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        TransactionFailed(transaction, eventData);
        return Task.CompletedTask;
    }

    // Saves outside a transaction: EF may run a one-statement save without one, or begin its own inside.

    public InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (Outside(eventData.Context) is { } connection)
            SqliteWriteGate.For(connection)?.Enter(connection, SqliteWriteGate.Purpose.Save);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (Outside(eventData.Context) is { } connection && SqliteWriteGate.For(connection) is { } gate)
            await gate.EnterAsync(connection, SqliteWriteGate.Purpose.Save, cancellationToken);
        return result;
    }

    public int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        SaveEnded(eventData.Context);
        return result;
    }

    public ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(SavedChanges(eventData, result));

    public void SaveChangesFailed(DbContextErrorEventData eventData) => SaveEnded(eventData.Context);

    public Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData.Context);
        return Task.CompletedTask;
    }

    public void SaveChangesCanceled(DbContextEventData eventData) => SaveEnded(eventData.Context);

    public Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
    {
        SaveEnded(eventData.Context);
        return Task.CompletedTask;
    }

    // Statements outside a transaction: ExecuteUpdate, ExecuteDelete, raw SQL.

    public InterceptionResult<int> NonQueryExecuting(DbCommand command, CommandEventData eventData, InterceptionResult<int> result)
    {
        if (command.Transaction is null && command.Connection is { } connection)
            SqliteWriteGate.For(connection)?.Enter(connection, SqliteWriteGate.Purpose.Statement);
        return result;
    }

    public async ValueTask<InterceptionResult<int>> NonQueryExecutingAsync(DbCommand command, CommandEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (command.Transaction is null && command.Connection is { } connection && SqliteWriteGate.For(connection) is { } gate)
            await gate.EnterAsync(connection, SqliteWriteGate.Purpose.Statement, cancellationToken);
        return result;
    }

    public int NonQueryExecuted(DbCommand command, CommandExecutedEventData eventData, int result)
    {
        StatementEnded(command);
        return result;
    }

    public ValueTask<int> NonQueryExecutedAsync(DbCommand command, CommandExecutedEventData eventData, int result, CancellationToken cancellationToken = default) =>
        ValueTask.FromResult(NonQueryExecuted(command, eventData, result));

    public void CommandFailed(DbCommand command, CommandErrorEventData eventData) => StatementEnded(command);

    public Task CommandFailedAsync(DbCommand command, CommandErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        StatementEnded(command);
        return Task.CompletedTask;
    }

    public void CommandCanceled(DbCommand command, CommandEndEventData eventData) => StatementEnded(command);

    public Task CommandCanceledAsync(DbCommand command, CommandEndEventData eventData, CancellationToken cancellationToken = default)
    {
        StatementEnded(command);
        return Task.CompletedTask;
    }

    // A closed connection has no transaction left, whatever ended it.

    public InterceptionResult ConnectionClosing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.For(connection)?.LeaveAll(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionClosingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(ConnectionClosing(connection, eventData, result));

    public InterceptionResult ConnectionDisposing(DbConnection connection, ConnectionEventData eventData, InterceptionResult result)
    {
        SqliteWriteGate.For(connection)?.LeaveAll(connection);
        return result;
    }

    public ValueTask<InterceptionResult> ConnectionDisposingAsync(DbConnection connection, ConnectionEventData eventData, InterceptionResult result) =>
        ValueTask.FromResult(ConnectionDisposing(connection, eventData, result));

    // By the context's connection: Microsoft.Data.Sqlite forgets a transaction's connection once it has ended.
    private static void Ended(DbContext? context)
    {
        // The turn of the transaction, or of the save that began it.
        if (context?.Database.GetDbConnection() is { } connection)
            SqliteWriteGate.For(connection)?.Leave(connection, SqliteWriteGate.Purpose.Transaction, SqliteWriteGate.Purpose.Save);
    }

    private static DbConnection? Outside(DbContext? context) =>
        context is { Database.CurrentTransaction: null } ? context.Database.GetDbConnection() : null;

    private static void SaveEnded(DbContext? context)
    {
        if (context?.Database.GetDbConnection() is { } connection)
            SqliteWriteGate.For(connection)?.Leave(connection, SqliteWriteGate.Purpose.Save);
    }

    private static void StatementEnded(DbCommand command)
    {
        if (command.Connection is { } connection)
            SqliteWriteGate.For(connection)?.Leave(connection, SqliteWriteGate.Purpose.Statement);
    }
}
