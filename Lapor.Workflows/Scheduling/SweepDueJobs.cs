using Lapor.Workflows.Runtime;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace Lapor.Workflows.Scheduling;

/// <summary>
/// Fires every engine job that is due, whether or not it has a trigger: the safety net for a crash between commit
/// and scheduling, and what catches up right after start-up.
/// </summary>
[DisallowConcurrentExecution]
public sealed class SweepDueJobs(IServiceScopeFactory scopes) : IJob
{
    public static readonly JobKey Key = new("sweep-due-jobs", "lapor-engine");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<WorkflowEngine>().RunDueJobsAsync(ct: cancellationToken);
    }

    /// <summary>Adds the sweep to a Quartz configuration: at start-up, then every <paramref name="interval"/>.</summary>
    public static void Register(IQuartzBuilder quartz, TimeSpan interval)
    {
        quartz.AddJob<SweepDueJobs>(j => j.WithIdentity(Key).StoreDurably());
        quartz.AddTrigger(t => t.ForJob(Key).WithIdentity("sweep-due-jobs-trigger", "lapor-engine").StartNow()
            .WithSimpleSchedule(s => s.WithInterval(interval).RepeatForever().WithMisfireInstruction(SimpleTriggerMisfireInstruction.NextWithRemainingCount)));
    }
}
