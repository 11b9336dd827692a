using Quartz;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Quartz folds the dashboard's tally changes into its tallies every 5 seconds (<see cref="PerformanceTallyFolder"/>),
/// so the changes a dashboard read adds up, and the space they hold, stay small. Nothing depends on when it runs: a read
/// counts unfolded changes. With none to fold it only looks.
/// </summary>
[DisallowConcurrentExecution]
public sealed class FoldTalliesJob(IServiceScopeFactory scopes, ILogger<FoldTalliesJob> log) : IJob
{
    public static readonly JobKey Key = new("fold-tallies", "lapor-audit");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            await scope.ServiceProvider.GetRequiredService<PerformanceTallyFolder>().FoldAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The changes stay where they are and are counted by every read; the next run folds them.
            log.LogWarning(ex, "Performance dashboard: folding the tally changes failed");
        }
    }

    public static void Register(IQuartzBuilder quartz)
    {
        quartz.AddJob<FoldTalliesJob>(j => j.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(Key).WithIdentity("fold-tallies-trigger", "lapor-audit").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromSeconds(5)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
