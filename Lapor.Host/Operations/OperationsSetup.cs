using Lapor.Host.Infrastructure;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;

namespace Lapor.Host.Operations;

/// <summary>What it takes to run the service: options checked at start-up, health checks, metrics.</summary>
public static class OperationsSetup
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    // A probe must answer even when the database hangs: a check that takes longer counts as unhealthy.
    private static readonly TimeSpan CheckTimeout = TimeSpan.FromSeconds(5);

    public static IServiceCollection AddLaporOperations(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddOptions<LaporOptions>().Bind(configuration.GetSection(LaporOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<LaporOptions>, LaporOptionsValidator>();

        services.AddHealthChecks()
            // Live means the process answers; it asks nothing else, so a database outage never gets the process restarted.
            .AddCheck("process", () => HealthCheckResult.Healthy("up"), tags: [LiveTag])
            .AddCheck<DatabaseHealthCheck>("database", tags: [ReadyTag], timeout: CheckTimeout)
            .AddCheck<SchedulerHealthCheck>("scheduler", tags: [ReadyTag], timeout: CheckTimeout);
        return services;
    }
}
