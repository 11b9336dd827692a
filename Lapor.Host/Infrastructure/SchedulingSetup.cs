using Lapor.Workflows.Scheduling;
using Quartz;

namespace Lapor.Host.Infrastructure;

/// <summary>
/// Quartz with a persistent store fires the engine's jobs: SQLite in its own file by default (so the scheduler's
/// polling never contends with commands for the product database's write lock), the product database on PostgreSQL,
/// clustered, so that with several hosts each timer fires once.
/// </summary>
public static class SchedulingSetup
{
    public static IServiceCollection AddLaporScheduling(this IServiceCollection services, LaporOptions options, IHostEnvironment env,
        Lapor.Host.Delivery.DeliverySettings delivery)
    {
        services.AddSingleton<IJobScheduler, QuartzJobScheduler>();
        services.AddQuartz(q =>
        {
            q.UsePersistentStore(store =>
            {
                store.UseSystemTextJsonSerializer();
                if (options.UsesPostgres())
                {
                    store.UsePostgres(options.Database.PostgresConnection);
                    store.UseClustering();
                }
                else
                {
                    store.UseSqlite(DatabaseSetup.SqliteConnection(Path.Combine(options.DataDirectory(env), "quartz.db")));
                }
                store.ProvisionSchema();
            });
            SweepDueJobs.Register(q, TimeSpan.FromSeconds(Math.Max(1, options.SweepIntervalSeconds)));
            // Migration batches: at start-up (an interrupted batch carries on) and then at the same interval.
            SweepMigrationBatches.Register(q, TimeSpan.FromSeconds(Math.Max(1, options.SweepIntervalSeconds)));
            // The outbox: at start-up (what a stopped host left pending goes out first) and then every PollSeconds.
            Lapor.Host.Delivery.DispatchOutboxJob.Register(q, TimeSpan.FromSeconds(delivery.PollSeconds));
            // Delivered messages past their retention: at start-up and then hourly.
            Lapor.Host.Delivery.PruneOutboxJob.Register(q);
            // The dashboard's tally changes folded into its tallies: at start-up and then every 5 seconds.
            Lapor.Host.Audit.Performance.FoldTalliesJob.Register(q);
            // Period exports: when one is asked for, and every minute (a build whose host stopped, files past keeping).
            Lapor.Host.Audit.Exports.PrepareExportsJob.Register(q);
        });
        services.AddQuartzHostedService(o => o.WaitForJobsToComplete = true);
        // After Quartz's own, so it stops first: a scheduler that cannot write its store must not hold the host forever.
        services.AddSingleton<SchedulerStop>();
        services.AddHostedService(sp => sp.GetRequiredService<SchedulerStop>());
        return services;
    }
}
