using Microsoft.Extensions.Diagnostics.HealthChecks;
using Quartz;

namespace Lapor.Host.Operations;

/// <summary>Ready only while Quartz runs: a stopped scheduler fires no timer, so deadlines would pass unnoticed.</summary>
public sealed class SchedulerHealthCheck(ISchedulerFactory schedulers, ILogger<SchedulerHealthCheck> log) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        try
        {
            var scheduler = await schedulers.GetScheduler(cancellationToken);
            return await scheduler.GetStatus(cancellationToken) switch
            {
                SchedulerStatus.Running => HealthCheckResult.Healthy("started"),
                SchedulerStatus.Created => HealthCheckResult.Unhealthy("not started"),
                // Standby is deliberate, but it fires nothing either.
                SchedulerStatus.Standby => HealthCheckResult.Unhealthy("standby"),
                SchedulerStatus.ShuttingDown or SchedulerStatus.Shutdown => HealthCheckResult.Unhealthy("shut down"),
                _ => HealthCheckResult.Unhealthy("unknown"),
            };
        }
        catch (Exception ex) when (ex is not OperationCanceledException)
        {
            log.LogWarning(ex, "Readiness: the scheduler could not be asked");
            return HealthCheckResult.Unhealthy("unavailable");
        }
    }
}
