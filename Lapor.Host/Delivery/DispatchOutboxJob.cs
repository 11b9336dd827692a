using Quartz;

namespace Lapor.Host.Delivery;

/// <summary>
/// Quartz fires the dispatcher every <c>PollSeconds</c>, starting at start-up, so messages left pending by a stopped
/// or killed host go out as soon as it is back. One round at a time per host; hosts share the work through claims.
/// </summary>
[DisallowConcurrentExecution]
public sealed class DispatchOutboxJob(IServiceScopeFactory scopes, ILogger<DispatchOutboxJob> log) : IJob
{
    public static readonly JobKey Key = new("dispatch-outbox", "lapor-delivery");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        try
        {
            var round = await scope.ServiceProvider.GetRequiredService<OutboxDispatcher>().RunOnceAsync(cancellationToken);
            if (round.Sent + round.Failed + round.FannedOut > 0)
                log.LogInformation("Outbox: {Sent} sent, {Failed} failed, {FannedOut} written for staff", round.Sent, round.Failed, round.FannedOut);
        }
        catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
        {
            // The database may be busy or gone for a moment; the next round tries again.
            log.LogWarning(ex, "Outbox round failed");
        }
    }

    public static void Register(IQuartzBuilder quartz, TimeSpan interval)
    {
        quartz.AddJob<DispatchOutboxJob>(j => j.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(Key).WithIdentity("dispatch-outbox-trigger", "lapor-delivery").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
