using Lapor.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Lapor.Workflows.Scheduling;

/// <summary>
/// Works off unfinished migration batches: at start-up (so a batch interrupted by a restart carries on), every
/// interval, and right away when an operator starts a batch (<see cref="Key"/> is triggered).
/// </summary>
[DisallowConcurrentExecution]
public sealed class SweepMigrationBatches(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("sweep-migration-batches", "lapor-engine");

    /// <summary>One run stops after this long, so other Quartz work and shutdown are not held up.</summary>
    public static readonly TimeSpan Budget = TimeSpan.FromSeconds(20);

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<MigrationBatches>().RunAsync(Budget, ct: cancellationToken);
    }

    public static void Register(IQuartzBuilder quartz, TimeSpan interval)
    {
        quartz.AddJob<SweepMigrationBatches>(j => j.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(Key).WithIdentity("sweep-migration-batches-trigger", "lapor-engine").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
