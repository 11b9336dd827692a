using Quartz;

namespace Lapor.Workflows.Scheduling;

/// <summary>
/// One Quartz trigger per engine job, kept in Quartz's persistent store so it survives restarts. A trigger whose
/// time passed while the host was down fires as soon as the scheduler starts (misfire: fire now).
/// </summary>
public sealed class QuartzJobScheduler(ISchedulerFactory schedulers) : IJobScheduler
{
    public const string Group = "lapor-engine-jobs";

    public async Task ScheduleAsync(string jobId, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        var job = JobBuilder.Create<FireEngineJob>()
            .WithIdentity(jobId, Group)
            .UsingJobData(FireEngineJob.JobIdKey, jobId)
            .Build();
        var trigger = TriggerBuilder.Create()
            .WithIdentity(jobId, Group)
            .StartAt(dueAt)
            .WithSimpleSchedule(s => s.WithMisfireInstruction(SimpleTriggerMisfireInstruction.FireNow))
            .Build();
        await scheduler.ScheduleJob(job, [trigger], ScheduleJobOptions.Replacing, ct);
    }

    public async Task UnscheduleAsync(string jobId, CancellationToken ct = default)
    {
        var scheduler = await schedulers.GetScheduler(ct);
        await scheduler.DeleteJob(new JobKey(jobId, Group), ct);
    }
}
