using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Host.Data;

/// <summary>
/// Work the host does on its own context just before every SaveChanges, synchronous or not, inside the save's
/// transaction: what it adds is saved with the changes that caused it. The change tracker is brought up to date first
/// when automatic detection is off (with it on, <c>ChangeTracker.Entries()</c> does it), so a step appended to a
/// tracked report is seen as added.
/// </summary>
public abstract class BeforeSaveInterceptor : SaveChangesInterceptor
{
    protected abstract Task BeforeSaveAsync(LaporDb db, CancellationToken ct);

    public sealed override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LaporDb db)
            await RunAsync(db, cancellationToken);
        return result;
    }

    public sealed override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is LaporDb db)
            RunAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private Task RunAsync(LaporDb db, CancellationToken ct)
    {
        if (!db.ChangeTracker.AutoDetectChangesEnabled)
            db.ChangeTracker.DetectChanges();
        return BeforeSaveAsync(db, ct);
    }
}
