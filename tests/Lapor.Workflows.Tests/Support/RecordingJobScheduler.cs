using System.Collections.Concurrent;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Scheduling;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Workflows.Tests.Support;

/// <summary>
/// Records what the engine asks the scheduler to do, and whether the job's row was committed at that moment: looked
/// up on a connection of its own, as Quartz's thread would when the trigger fires.
/// </summary>
public sealed class RecordingJobScheduler(IServiceScopeFactory scopes) : IJobScheduler
{
    public sealed record Call(string JobId, DateTimeOffset DueAt, bool RowCommitted);

    private readonly ConcurrentQueue<Call> _scheduled = new();

    public IReadOnlyList<Call> Scheduled => [.. _scheduled];

    /// <summary>For <see cref="EngineHarness"/>'s configure: this recorder replaces the default scheduler.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton<RecordingJobScheduler>().AddSingleton<IJobScheduler>(sp => sp.GetRequiredService<RecordingJobScheduler>());

    public async Task ScheduleAsync(string jobId, DateTimeOffset dueAt, CancellationToken ct = default)
    {
        await using var scope = scopes.CreateAsyncScope();
        var committed = await scope.ServiceProvider.GetRequiredService<WorkflowDb>().Set<JobRow>().AnyAsync(j => j.Id == jobId, ct);
        _scheduled.Enqueue(new Call(jobId, dueAt, committed));
    }

    public Task UnscheduleAsync(string jobId, CancellationToken ct = default) => Task.CompletedTask;
}
