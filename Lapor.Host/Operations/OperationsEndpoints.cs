using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace Lapor.Host.Operations;

/// <summary>
/// <c>/health/live</c> (the process answers), <c>/health/ready</c> (database reachable and migrated, scheduler
/// running), both anonymous with a JSON body; <c>/metrics</c> in Prometheus' text format for staff or loopback.
/// </summary>
public static class OperationsEndpoints
{
    public const string LivePath = "/health/live";
    public const string ReadyPath = "/health/ready";
    public const string MetricsPath = "/metrics";

    public static WebApplication MapOperationsEndpoints(this WebApplication app)
    {
        app.MapHealthChecks(LivePath, Probe(OperationsSetup.LiveTag)).AllowAnonymous();
        app.MapHealthChecks(ReadyPath, Probe(OperationsSetup.ReadyTag)).AllowAnonymous();
        // The address of the first releases, kept for whatever already probes it.
        app.MapHealthChecks("/health", Probe(OperationsSetup.LiveTag)).AllowAnonymous();
        app.MapPrometheusScrapingEndpoint(MetricsPath, meterProvider: null,
            configureBranchedPipeline: branch => branch.Use(MetricsAccess.GuardAsync), optionsName: null);
        // The real addresses are known only once the server listens (a port 0 becomes a number).
        app.Lifetime.ApplicationStarted.Register(() => LogAddresses(app));
        return app;
    }

    /// <summary>The start-up line that tells an operator where to probe and scrape; null when the server has no address.</summary>
    public static string? Describe(IEnumerable<string> addresses)
    {
        var all = addresses.Select(a => a.TrimEnd('/')).ToList();
        if (all.Count == 0)
            return null;
        var line = $"Health: {all[0]}{LivePath}, {ReadyPath}; metrics: {MetricsPath} (staff or loopback)";
        return all.Count == 1 ? line : $"{line}; also listening on {string.Join(", ", all.Skip(1))}";
    }

    private static HealthCheckOptions Probe(string tag) => new()
    {
        Predicate = check => check.Tags.Contains(tag),
        ResponseWriter = HealthResponse.WriteAsync,
    };

    private static void LogAddresses(WebApplication app)
    {
        var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        if (Describe(addresses) is { } line)
            app.Services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(OperationsEndpoints)).LogInformation("{Operations}", line);
    }
}
