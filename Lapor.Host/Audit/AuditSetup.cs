namespace Lapor.Host.Audit;

public static class AuditSetup
{
    /// <summary>The auditor's read-only services: integrity, performance figures, exports and the instance viewer.</summary>
    public static IServiceCollection AddAuditViews(this IServiceCollection services)
    {
        services.AddScoped<CaseLocator>();
        services.AddScoped<HistoryIntegrity>();
        services.AddScoped(sp => new Lapor.Workflows.History.ChainAnchors(sp.GetRequiredService<Lapor.Host.Data.LaporDb>()));
        services.AddScoped<Performance.PerformanceQueries>();
        services.AddScoped<Performance.PerformanceMarkBackfill>();
        services.AddScoped<Performance.PerformanceTallyFolder>();
        services.AddSingleton<Performance.PerformanceMarker>();
        services.AddScoped<Exports.RevealLog>();
        services.AddScoped<Exports.AuditExporter>();
        services.AddScoped<Exports.ExportRequests>();
        services.AddScoped<Exports.ExportBuilder>();
        services.AddScoped<Viewer.InstanceViews>();
        return services;
    }
}
