namespace Lapor.Workflows.Scheduling;

/// <summary>
/// Wakes the engine when a job comes due. Called after the job's row is committed; the row stays the truth, so a
/// trigger for a job that no longer exists is simply ignored.
/// </summary>
public interface IJobScheduler
{
    Task ScheduleAsync(string jobId, DateTimeOffset dueAt, CancellationToken ct = default);
    Task UnscheduleAsync(string jobId, CancellationToken ct = default);
}
