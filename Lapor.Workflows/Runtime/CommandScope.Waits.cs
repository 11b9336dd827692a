using System.Text.Json;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>Rows for what a token waits on: human tasks, jobs, message subscriptions, incidents.</summary>
internal sealed partial class CommandScope
{
    private void AddTask(NewHumanTask task)
    {
        var row = new TaskRow
        {
            Id = task.Id, InstanceId = Instance.Id, ExecutionId = task.TokenId, ActivityInstanceId = task.ActivityInstanceId,
            DefinitionId = Instance.DefinitionId, TaskDefinitionKey = task.TaskDefinitionKey, Name = task.Name, Description = task.Description,
            Assignee = task.Assignee, Priority = task.Priority, Due = task.Due is { } d ? WorkflowClock.Utc(d) : null,
            FollowUp = task.FollowUp is { } f ? WorkflowClock.Utc(f) : null, FormKey = task.FormKey, CreatedAt = Now,
            Category = Instance.Category,
        };
        row.Candidates = CandidatesOf(task, row);
        _db.Add(row);
        RecordTask(HistoryEventKind.TaskCreated, row, null);
    }

    /// <summary>The candidates <paramref name="task"/> names, carrying <paramref name="row"/>'s category and dates.</summary>
    private static List<TaskCandidateRow> CandidatesOf(NewHumanTask task, TaskRow row) =>
    [
        .. task.CandidateUsers.Select(u => CandidateOf(row, CandidateKind.User, u)),
        .. task.CandidateGroups.Select(g => CandidateOf(row, CandidateKind.Group, g)),
    ];

    private static TaskCandidateRow CandidateOf(TaskRow row, CandidateKind kind, string value) =>
        new() { TaskId = row.Id, Kind = kind, Value = value, Category = row.Category, Due = row.Due, CreatedAt = row.CreatedAt };

    /// <summary>Writes a task history row with a snapshot of the task, so task history needs no runtime rows.</summary>
    public void RecordTask(HistoryEventKind kind, TaskRow task, string? reason, string? actor = null) =>
        Append(new HistoryEventRow
        {
            Kind = kind, TaskId = task.Id, ActivityId = task.TaskDefinitionKey, ActivityInstanceId = task.ActivityInstanceId,
            ExecutionId = task.ExecutionId, ActivityName = task.Name, Value = reason, Actor = actor,
            Detail = JsonSerializer.Serialize(TaskSnapshot.Of(task), HistoryJson.Default.TaskSnapshot),
        });

    private void AddJob(NewJob job)
    {
        var row = new JobRow
        {
            Id = job.Id, Type = job.Type, InstanceId = Instance.Id, DefinitionId = Instance.DefinitionId, ExecutionId = job.TokenId,
            ActivityId = job.ActivityId, ActivityInstanceId = job.ActivityInstanceId, DueAt = WorkflowClock.Utc(job.DueAt),
            Count = job.Count, Error = job.Error, CreatedAt = Now,
        };
        AddRow(_db, row);
        NewJobs.Add(row);
        if (job.Error is not null)
            Append(new HistoryEventRow { Kind = HistoryEventKind.JobFailed, ActivityId = job.ActivityId, ActivityInstanceId = job.ActivityInstanceId, ExecutionId = job.TokenId, Value = job.Error, Name = $"attempt {job.Count}" });
    }

    private void AddIncident(Effect.IncidentRaised incident)
    {
        AddRow(_db, new IncidentRow
        {
            Id = Context.NewId(), InstanceId = Instance.Id, DefinitionId = Instance.DefinitionId, ExecutionId = incident.TokenId,
            ActivityId = incident.ActivityId, ActivityInstanceId = incident.ActivityInstanceId, Message = incident.Message, CreatedAt = Now,
        });
        Append(new HistoryEventRow { Kind = HistoryEventKind.IncidentRaised, ActivityId = incident.ActivityId, ActivityInstanceId = incident.ActivityInstanceId, ExecutionId = incident.TokenId, Name = IncidentTypes.FailedJob, Value = incident.Message });
    }

    private async Task CancelWaitsAsync(string tokenId, FlowNode node, string reason, CancellationToken ct)
    {
        var kinds = WaitKindsOf.At(Model, node);
        if (kinds.HasFlag(WaitKinds.Task))
        {
            // The task being completed is already tracked; only an interrupted task needs reading.
            if (!_startedHere && !_db.ChangeTracker.Entries<TaskRow>().Any(e => e.Entity.ExecutionId == tokenId))
                await _db.Set<TaskRow>().Include(t => t.Candidates).Where(t => t.InstanceId == Instance.Id && t.ExecutionId == tokenId).LoadAsync(ct);
            foreach (var task in _db.Set<TaskRow>().Local.Where(t => t.ExecutionId == tokenId && IsLive(t)).ToList())
            {
                RecordTask(HistoryEventKind.TaskDeleted, task, reason);
                _db.Remove(task);
            }
        }
        if (kinds.HasFlag(WaitKinds.Job))
        {
            if (!_startedHere)
                await _db.Set<JobRow>().Where(j => j.ExecutionId == tokenId).LoadAsync(ct);
            foreach (var job in _db.Set<JobRow>().Local.Where(j => j.ExecutionId == tokenId && IsLive(j)).ToList())
            {
                _db.Remove(job);
                RemovedJobIds.Add(job.Id);
            }
        }
        if (kinds.HasFlag(WaitKinds.Subscription))
        {
            if (!_startedHere)
                await _db.Set<MessageSubscriptionRow>().Where(s => s.ExecutionId == tokenId).LoadAsync(ct);
            foreach (var sub in _db.Set<MessageSubscriptionRow>().Local.Where(s => s.ExecutionId == tokenId && IsLive(s)).ToList())
                _db.Remove(sub);
        }
        if (kinds.HasFlag(WaitKinds.Incident))
        {
            if (!_startedHere)
                await _db.Set<IncidentRow>().Where(i => i.ExecutionId == tokenId).LoadAsync(ct);
            foreach (var incident in _db.Set<IncidentRow>().Local.Where(i => i.ExecutionId == tokenId && IsLive(i)).ToList())
            {
                _db.Remove(incident);
                Append(new HistoryEventRow { Kind = HistoryEventKind.IncidentResolved, ActivityId = incident.ActivityId, ExecutionId = tokenId, Name = IncidentTypes.FailedJob, Value = reason });
            }
        }
    }

    private bool IsLive(object entity) => _db.Entry(entity).State is not (EntityState.Deleted or EntityState.Detached);
}
