using Quartz;

namespace Lapor.Host.Delivery;

/// <summary>Quartz runs the outbox's retention (<see cref="OutboxRetention"/>) once an hour, the first time at start-up.</summary>
[DisallowConcurrentExecution]
public sealed class PruneOutboxJob(IServiceScopeFactory scopes, ILogger<PruneOutboxJob> log) : IJob
{
    public static readonly JobKey Key = new("prune-outbox", "lapor-delivery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var deleted = await scope.ServiceProvider.GetRequiredService<OutboxRetention>().PruneAsync(cancellationToken);
            if (deleted > 0)
                log.LogInformation("Outbox: {Deleted} sent messages past their retention deleted", deleted);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The next hour tries again; nothing is lost by waiting.
            log.LogWarning(ex, "Outbox retention failed");
        }
    }

    public static void Register(IQuartzBuilder quartz)
    {
        quartz.AddJob<PruneOutboxJob>(j => j.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(Key).WithIdentity("prune-outbox-trigger", "lapor-delivery").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromHours(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
