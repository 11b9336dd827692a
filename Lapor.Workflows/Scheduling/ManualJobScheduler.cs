namespace Lapor.Workflows.Scheduling;

/// <summary>
/// Schedules nothing: due jobs run only when someone calls <c>WorkflowEngine.RunDueJobsAsync</c>. For tests that
/// drive time with a fake clock, and for tools that run the engine without a host.
/// </summary>
public sealed class ManualJobScheduler : IJobScheduler
{
    public Task ScheduleAsync(string jobId, DateTimeOffset dueAt, CancellationToken ct = default) => Task.CompletedTask;
    public Task UnscheduleAsync(string jobId, CancellationToken ct = default) => Task.CompletedTask;
}
