using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lapor.Host.Operations;

/// <summary>
/// Ready only when the product database answers a query and has no pending migrations. A database without any
/// migration defined (the schema made by EnsureCreated) counts as migrated: nothing is pending.
/// </summary>
public sealed class DatabaseHealthCheck(LaporDb db, ILogger<DatabaseHealthCheck> log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            // On SQLite CanConnect only asks whether the file exists; reading the migrations history is a real query.
            if (!await db.Database.CanConnectAsync(cancellationToken))
                return HealthCheckResult.Unhealthy("unreachable");
            var pending = (await db.Database.GetPendingMigrationsAsync(cancellationToken)).Count();
            return pending == 0
                ? HealthCheckResult.Healthy("reachable, migrated")
                : HealthCheckResult.Unhealthy($"pending migrations: {pending}");
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            // The reason goes to the log, never into the anonymous response.
            log.LogWarning(ex, "Readiness: the database did not answer");
            return HealthCheckResult.Unhealthy("unreachable");
        }
    }
}
