using Lapor.Host.Infrastructure;
using Lapor.Workflows.Runtime;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Options;
using OpenTelemetry.Metrics;

namespace Lapor.Host.Operations;

/// <summary>What it takes to run the service: options checked at start-up, health checks, metrics.</summary>
public static class OperationsSetup
{
    public const string LiveTag = "live";
    public const string ReadyTag = "ready";

    /// <summary>The meter .NET itself publishes (from .NET 9) for the garbage collector, thread pool, JIT and process.</summary>
    public const string RuntimeMeterName = "System.Runtime";

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

        services.AddSingleton<LaporMetrics>();
        services.AddOpenTelemetry().WithMetrics(metrics => metrics
            // ASP.NET Core's own meters add request durations and connections at no cost to the code.
            .AddMeter(LaporMetrics.MeterName, WorkflowMetrics.MeterName, "Microsoft.AspNetCore.Hosting", "Microsoft.AspNetCore.Server.Kestrel")
            // The runtime's own meter: collections and the time they stopped the process, heap sizes, thread-pool queue,
            // CPU time. A request tail that grows while a background job runs is often the collector's pauses.
            .AddMeter(RuntimeMeterName)
            // Created with the meter provider, so the gauges exist before the first report is submitted.
            .AddInstrumentation(sp => sp.GetRequiredService<LaporMetrics>())
            .AddPrometheusExporter());
        return services;
    }
}
