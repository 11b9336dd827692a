using Lapor.Host.Data;

namespace Lapor.Host.SimilarReports;

public static class SimilarReportsSetup
{
    /// <summary>The search of the provider the host runs on: each one's full-text index is its own (decision 022).</summary>
    public static IServiceCollection AddSimilarReports(this IServiceCollection services) =>
        services
            .AddSingleton<DuplicateFollower>()
            .AddScoped<IReportTextSearch>(sp => sp.GetRequiredService<LaporDb>() is LaporPostgresDb postgres
                ? new PostgresReportTextSearch(postgres)
                : new SqliteReportTextSearch(sp.GetRequiredService<LaporDb>()))
            .AddScoped<SimilarReportFinder>()
            .AddScoped<DuplicateLinks>();
}
