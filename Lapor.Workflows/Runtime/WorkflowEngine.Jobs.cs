using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.ServiceTasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace Lapor.Workflows.Runtime;

/// <summary>Timers, service-task retries and incidents.</summary>
public sealed partial class WorkflowEngine
{
    /// <summary>Fires one job. A job whose row is gone, or whose token moved on, is ignored.</summary>
    public async Task<JobOutcome> FireJobAsync(string jobId, CancellationToken ct = default)
    {
        var target = await (
                from j in db.Set<JobRow>().AsNoTracking()
                join i in db.Set<ProcessInstanceRow>().AsNoTracking() on j.InstanceId equals i.Id
                where j.Id == jobId
                select new { j.InstanceId, i.Suspended })
            .FirstOrDefaultAsync(ct);
        if (target is null)
            return JobOutcome.Missing;
        // A suspended instance keeps its due jobs; resuming hands them to the scheduler again.
        if (target.Suspended)
            return JobOutcome.Suspended;
        var timer = false;
        var outcome = await OnInstanceAsync(target.InstanceId, "engine", async scope =>
        {
            var job = await db.Set<JobRow>().FirstOrDefaultAsync(j => j.Id == jobId, ct);
            if (job is null)
                return JobOutcome.Missing;
            EnsureNotSuspended(scope, $"fire job '{jobId}'");
            db.Remove(job);
            if (scope.Instance.Status != InstanceStatus.Active || scope.State.FindToken(job.ExecutionId) is not { } token
                || token.ActivityInstanceId != job.ActivityInstanceId)
                return JobOutcome.Stale;
            timer = job.Type == JobType.Timer;
            scope.Interpreter.Apply(timer
                ? new Trigger.FireTimer(job.ExecutionId, job.ActivityId, job.ActivityInstanceId, job.Count, WorkflowClock.Offset(job.DueAt))
                : new Trigger.InvokeService(job.ExecutionId, job.ActivityInstanceId, job.Count));
            return scope.Interpreter.WasStale ? JobOutcome.Stale : JobOutcome.Fired;
        }, ct);
        // Counted once committed, so a timer whose command rolled back (a conflict) is not counted twice.
        if (timer && outcome == JobOutcome.Fired)
            metrics.TimerFired();
        return outcome;
    }

    /// <summary>Fires every job due by now (the injected clock). The safety net behind the scheduler, and the test driver.</summary>
    public async Task<int> RunDueJobsAsync(int max = 500, CancellationToken ct = default)
    {
        var now = WorkflowClock.Utc(clock.GetUtcNow());
        var due = await (
                from j in db.Set<JobRow>().AsNoTracking()
                join i in db.Set<ProcessInstanceRow>().AsNoTracking() on j.InstanceId equals i.Id
                where j.DueAt <= now && !i.Suspended
                orderby j.DueAt
                select j.Id)
            .Take(max).ToListAsync(ct);
        var fired = 0;
        foreach (var id in due)
        {
            try
            {
                if (await FireJobAsync(id, ct) == JobOutcome.Fired)
                    fired++;
            }
            catch (WorkflowConflictException ex)
            {
                log.LogInformation("Job {Job} not fired: {Reason}", id, ex.Message);
            }
        }
        return fired;
    }

    /// <summary>Gives a failed service task one more attempt (Camunda: set the job's retries to 1).</summary>
    public async Task RetryIncidentAsync(string incidentId, string? actor, CancellationToken ct = default)
    {
        var instanceId = await db.Set<IncidentRow>().AsNoTracking().Where(i => i.Id == incidentId).Select(i => i.InstanceId).FirstOrDefaultAsync(ct)
                         ?? throw new WorkflowNotFoundException($"Incident '{incidentId}' does not exist (it may have been resolved already).");
        await OnInstanceAsync(instanceId, actor, async scope =>
        {
            var incident = await db.Set<IncidentRow>().FirstOrDefaultAsync(i => i.Id == incidentId, ct)
                           ?? throw new WorkflowConflictException($"Incident '{incidentId}' was resolved by someone else.");
            db.Remove(incident);
            EnsureNotSuspended(scope, $"retry incident '{incidentId}'");
            scope.Append(new HistoryEventRow { Kind = HistoryEventKind.IncidentResolved, ActivityId = incident.ActivityId, ExecutionId = incident.ExecutionId, Name = incident.Type, Value = "retried" });
            scope.LogOperation("RetryIncident", null, new { incidentId });
            var task = (ServiceTask)scope.Model.Node(incident.ActivityId);
            var attempts = RetryCycle.Parse(task.RetryTimeCycle).Attempts;
            scope.Interpreter.Apply(new Trigger.InvokeService(incident.ExecutionId, incident.ActivityInstanceId, attempts - 1));
            return true;
        }, ct);
    }
}
