using Quartz;

namespace Lapor.Host.Audit.Exports;

/// <summary>
/// Builds waiting period exports (<see cref="ExportBuilder"/>): started at once when one is asked for, and every
/// minute besides, which also takes over a build whose host stopped and forgets exports past their keeping time. One
/// round at a time per host; with several hosts each export is claimed by one.
/// </summary>
[DisallowConcurrentExecution]
public sealed class PrepareExportsJob(IServiceScopeFactory scopes, ILogger<PrepareExportsJob> log) : IJob
{
    public static readonly JobKey Key = new("prepare-exports", "lapor-audit");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var builder = scope.ServiceProvider.GetRequiredService<ExportBuilder>();
        try
        {
            await builder.BuildWaitingAsync(cancellationToken);
            await builder.ForgetExpiredAsync(cancellationToken);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // What is waiting stays waiting; the next round builds it.
            log.LogWarning(ex, "Preparing exports failed");
        }
    }

    public static async Task RunNowAsync(ISchedulerFactory schedulers, CancellationToken ct)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.TriggerJob(Key, ct);
    }

    public static void Register(IQuartzBuilder quartz)
    {
        quartz.AddJob<PrepareExportsJob>(j => j.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(Key).WithIdentity("prepare-exports-trigger", "lapor-audit").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(TimeSpan.FromMinutes(1)).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
