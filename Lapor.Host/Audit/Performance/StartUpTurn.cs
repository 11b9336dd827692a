using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Start-up work that hosts sharing a PostgreSQL database must do one at a time: taken under an advisory lock on one
/// connection. SQLite has one host per file, so it needs no lock.
/// </summary>
internal static class StartUpTurn
{
    public static async Task<T> RunAsync<T>(LaporDb db, long lockKey, Func<Task<T>> work, CancellationToken ct)
    {
        var postgres = db.Database.IsNpgsql();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            if (postgres)
                await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_lock({lockKey})", ct);
            try
            {
                return await work();
            }
            finally
            {
                if (postgres)
                    await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_unlock({lockKey})", ct);
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
