using Lapor.Host.Audit.Performance;
using Lapor.Host.Data;
using Lapor.Host.Data.Schema;
using Lapor.Host.Delivery;
using Lapor.Host.National;
using Lapor.Host.SimilarReports;
using Lapor.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Host.Infrastructure;

/// <summary>Chooses the database provider and prepares the schema.</summary>
public static class DatabaseSetup
{
    public static string DataDirectory(this LaporOptions options, IHostEnvironment env)
    {
        var path = Path.IsPathRooted(options.DataDirectory) ? options.DataDirectory : Path.Combine(env.ContentRootPath, options.DataDirectory);
        Directory.CreateDirectory(path);
        return path;
    }

    public static bool UsesPostgres(this LaporOptions options) =>
        options.Database.Provider.Equals("Postgres", StringComparison.OrdinalIgnoreCase);

    public static string SqliteConnection(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, DefaultTimeout = 30, Cache = SqliteCacheMode.Default }.ToString();

    public static IServiceCollection AddLaporDatabase(this IServiceCollection services, LaporOptions options, IHostEnvironment env)
    {
        services.AddScoped<DatabaseSchema>();
        // The contexts are the provider subclasses, whose options AddWorkflowEngine<LaporDb> cannot reach: the engine's
        // after-commit interceptor (jobs reach Quartz once their rows commit) is added here, on each, with the one that
        // hands new report steps to the outbox writers (reporter notices, national events) in the same SaveChanges, after
        // the one that passes a primary report's answer on to its duplicates (whose new steps then get notices too), and
        // last the one that keeps the dashboard's reporting table in step with every report saved (decision 033).
        if (options.UsesPostgres())
        {
            if (string.IsNullOrWhiteSpace(options.Database.PostgresConnection))
                throw new InvalidOperationException("Lapor:Database:Provider is Postgres but Lapor:Database:PostgresConnection is empty.");
            return services.AddDbContext<LaporDb, LaporPostgresDb>((sp, o) => o.UseNpgsql(options.Database.PostgresConnection).AddInterceptors(Interceptors(sp)));
        }
        var file = Path.Combine(options.DataDirectory(env), "lapor.db");
        var reading = new SqliteReadSettings(options.Database.SqliteCacheMegabytes);
        return services.AddDbContext<LaporDb, LaporSqliteDb>((sp, o) => o.UseWorkflowSqlite(SqliteConnection(file)).AddInterceptors(reading).AddInterceptors(Interceptors(sp)));
    }

    /// <summary>The host's interceptors, in the order the comment above gives, the same on both providers.</summary>
    private static IInterceptor[] Interceptors(IServiceProvider sp) =>
    [
        WorkflowModel.AfterCommit, sp.GetRequiredService<DuplicateFollower>(), sp.GetRequiredService<ReportStepInterceptor>(),
        sp.GetRequiredService<PerformanceMarker>(),
    ];

    /// <summary>
    /// Applies the provider's migrations (a release-1 database is baselined first, see <see cref="DatabaseSchema"/>).
    /// SQLite runs in WAL mode so readers (inbox pages) never wait for the writer (a command) and the writer does not
    /// wait for readers; the setting is kept in the file, so saying it on every start costs nothing. Reports stored
    /// before the dashboard's reporting tables are counted into them last (<see cref="PerformanceMarkBackfill"/>).
    /// </summary>
    public static async Task PrepareDatabaseAsync(this IServiceProvider services)
    {
        await using var scope = services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<DatabaseSchema>().MigrateAsync();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        if (db.Database.IsSqlite())
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        await scope.ServiceProvider.GetRequiredService<PerformanceMarkBackfill>().RunAsync();
    }
}
