using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// Saves the engine's runtime rows that a command changed (instances, executions, tasks, variables, jobs, message
/// subscriptions, incidents) through plain ADO.NET statements instead of EF's update pipeline, which per command cost
/// more than the statements themselves: it sorts, batches and builds the SQL text of every row anew. The statements
/// come from EF's own mapping (<see cref="RowTable"/>) and make the same checks: a concurrency token must still hold
/// the value the command read, or the command fails with <see cref="DbUpdateConcurrencyException"/>.
/// <para>
/// Inserts and updates run before <c>SaveChanges</c>, deletes after it: EF still saves the host's rows and the task
/// candidates (their keys come from the database), and a candidate must be inserted after its task and deleted before.
/// </para>
/// </summary>
internal sealed class RuntimeRowWriter(DbContext db)
{
    private readonly List<(RowStatement Statement, object Row, object?[] Originals)> _deletes = [];

    /// <summary>
    /// Inserts and updates the changed runtime rows and tells EF they are saved; takes the deleted ones out of EF's
    /// hands for <see cref="DeleteAsync"/>. Call with changes detected, inside the command's transaction.
    /// </summary>
    public async Task InsertAndUpdateAsync(CancellationToken ct)
    {
        var transaction = Transaction();
        var tables = RowTable.For(db);
        foreach (var entry in db.ChangeTracker.Entries().ToList())
        {
            if (entry.State is EntityState.Unchanged or EntityState.Detached || !tables.TryGetValue(entry.Entity.GetType(), out var table) || !table.IsWritten)
                continue;
            switch (entry.State)
            {
                case EntityState.Added:
                    await ExecuteAsync(transaction, table.Insert, entry.Entity, Originals(table.Insert, entry), ct);
                    entry.State = EntityState.Unchanged;
                    break;
                case EntityState.Modified:
                    var statement = table.Update(table.Columns.Where(c => !c.IsKey && entry.Property(c.Property.Name).IsModified));
                    if (statement is not null)
                        await ExecuteAsync(transaction, statement, entry.Entity, Originals(statement, entry), ct);
                    entry.State = EntityState.Unchanged;
                    break;
                case EntityState.Deleted:
                    _deletes.Add((table.Delete, entry.Entity, Originals(table.Delete, entry)));
                    entry.State = EntityState.Detached;
                    break;
            }
        }
    }

    /// <summary>Deletes the rows <see cref="InsertAndUpdateAsync"/> set aside; call after <c>SaveChanges</c>.</summary>
    public async Task DeleteAsync(CancellationToken ct)
    {
        if (_deletes.Count == 0)
            return;
        var transaction = Transaction();
        foreach (var (statement, row, originals) in _deletes)
            await ExecuteAsync(transaction, statement, row, originals, ct);
        _deletes.Clear();
    }

    private DbTransaction Transaction() =>
        db.Database.CurrentTransaction?.GetDbTransaction()
        ?? throw new InvalidOperationException("Runtime rows must be written inside the command's transaction.");

    /// <summary>The values as read, for the parameters that check a concurrency token (null for the others).</summary>
    private static object?[] Originals(RowStatement statement, EntityEntry entry)
    {
        var originals = new object?[statement.Parameters.Count];
        for (var i = 0; i < originals.Length; i++)
        {
            if (statement.Parameters[i].AsRead)
                originals[i] = entry.OriginalValues[statement.Parameters[i].Column.Property];
        }
        return originals;
    }

    private static async Task ExecuteAsync(DbTransaction transaction, RowStatement statement, object row, object?[] originals, CancellationToken ct)
    {
        var values = new StatementValue[statement.Parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var (column, asRead) = statement.Parameters[i];
            values[i] = new StatementValue(column.Mapping, asRead ? originals[i] : column.Read(row));
        }
        if (await EngineStatement.ExecuteAsync(transaction, statement.Sql, values, ct) != 1)
            throw new DbUpdateConcurrencyException($"{statement.Table}: the row was changed or removed by another command at the same time.");
    }
}
