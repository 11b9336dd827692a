using Quartz;

namespace Lapor.Host.Infrastructure;

/// <summary>
/// Stops Quartz when the host stops, waiting for running jobs, but no longer than the host's shutdown timeout. Quartz's
/// own hosted service waits as long as the scheduler takes, and a scheduler whose store cannot be written (its file
/// gone or read-only, its database refusing writes) retries releasing the triggers it had acquired until its store is
/// shut down, which comes only after that wait: such a host never stopped on SIGTERM and had to be killed. Registered
/// after Quartz's service, so it stops first; Quartz's own stop then finds the scheduler shutting down and returns.
/// Whatever was not fired stays in the scheduler's store and fires after the next start, as after a crash. A scheduler
/// left running keeps the process alive through its own foreground threads, so the host then ends the process itself
/// once it has stopped (<see cref="GaveUp"/>, Program).
/// </summary>
public sealed class SchedulerStop(ISchedulerFactory schedulers, ILogger<SchedulerStop> log) : IHostedService
{
    private IScheduler? _scheduler;

    /// <summary>Whether the host stopped without the scheduler.</summary>
    public bool GaveUp { get; private set; }

    /// <summary>
    /// Takes the scheduler now: at stop the container may already be disposed (a test host is stopped twice), and the
    /// factory would refuse to hand it out.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        try
        {
            _scheduler = await schedulers.GetScheduler(cancellationToken);
        }
        catch (SchedulerException)
        {
            // Shut down before the host started: nothing to stop later.
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        if (_scheduler is not { } scheduler)
            return;
        try
        {
            if (await scheduler.GetStatus(CancellationToken.None) is SchedulerStatus.Shutdown or SchedulerStatus.Created)
                return;
        }
        catch (Exception ex) when (ex is SchedulerException or ObjectDisposedException)
        {
            return;
        }
        // Not the host's token: cancelling it would only stop Quartz waiting for jobs that should finish.
        var stopping = scheduler.Shutdown(waitForJobsToComplete: true, CancellationToken.None).AsTask();
        var gaveUp = Task.Delay(Timeout.Infinite, cancellationToken);
        if (await Task.WhenAny(stopping, gaveUp) == stopping)
        {
            await stopping;
            return;
        }
        GaveUp = true;
        log.LogError("The scheduler did not stop within the host's shutdown timeout (can it still write its store?); " +
                     "the host stops without it. Timers it had not fired fire after the next start.");
    }
}
