using System.Text.Json;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Migration;
using Lapor.Workflows.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Workflows.Runtime;

/// <summary>Re-points an instance's rows from the source version to the target version (decision 008 has the rules).</summary>
internal sealed partial class CommandScope
{
    public async Task MigrateAsync(MigrationPlan plan, ProcessModel target, ProcessDefinitionRow targetRow,
        Func<DateTimeOffset, InterpreterContext> targetContext, string? batchId, CancellationToken ct)
    {
        var id = Instance.Id;
        var tasks = await _db.Set<TaskRow>().Include(t => t.Candidates).Where(t => t.InstanceId == id).ToListAsync(ct);
        var jobs = await _db.Set<JobRow>().Where(j => j.InstanceId == id).ToListAsync(ct);
        var subscriptions = await _db.Set<MessageSubscriptionRow>().Where(s => s.InstanceId == id).ToListAsync(ct);
        var incidents = await _db.Set<IncidentRow>().Where(i => i.InstanceId == id).ToListAsync(ct);
        var activityInstanceIds = State.Tokens.Select(t => t.ActivityInstanceId).ToList();
        var entered = (await new HistoryEvents(_db).OfChainAsync(id, ct))
            .Where(h => h.InstanceId == id && h.Kind == HistoryEventKind.ActivityStarted && activityInstanceIds.Contains(h.ActivityInstanceId!))
            .GroupBy(h => h.ActivityInstanceId!).ToDictionary(g => g.Key, g => g.Min(h => h.Time));

        var sourceDefinitionId = Instance.DefinitionId;
        Instance.DefinitionId = targetRow.Id;
        var moves = new List<object>();
        foreach (var token in State.Tokens)
        {
            var from = Model.Node(token.ActivityId);
            var to = target.Node(plan.TargetOf(from.Id)!);
            token.ActivityId = to.Id;
            var at = entered.TryGetValue(token.ActivityInstanceId, out var time) ? new DateTimeOffset(time) : Context.Now;
            var interpreter = new Interpreter(State, targetContext(at));
            foreach (var task in tasks.Where(t => t.ExecutionId == token.Id))
                MoveTask(task, interpreter.HumanTaskAt(token, (UserTask)to), token.ActivityInstanceId);
            foreach (var job in jobs.Where(j => j.ExecutionId == token.Id && j.Type != JobType.Timer))
                Repoint(job, to.Id);
            foreach (var incident in incidents.Where(i => i.ExecutionId == token.Id))
            {
                incident.ActivityId = to.Id;
                incident.DefinitionId = targetRow.Id;
            }
            MoveWaits(token, interpreter.WaitsAt(token, to), target,
                jobs.Where(j => j.ExecutionId == token.Id && j.Type == JobType.Timer).ToList(),
                subscriptions.Where(s => s.ExecutionId == token.Id).ToList());
            moves.Add(new { executionId = token.Id, activityInstanceId = token.ActivityInstanceId, from = from.Id, to = to.Id });
        }
        Append(new HistoryEventRow
        {
            Kind = HistoryEventKind.UserOperation, Name = WorkflowEngine.MigrateOperation, Value = targetRow.Id,
            Detail = JsonSerializer.Serialize(new { sourceDefinitionId, targetDefinitionId = targetRow.Id, targetVersion = targetRow.Version, batchId, moves }),
        });
    }

    /// <summary>The task keeps its id, assignee, owner and dates; what the target version says it is comes from the target.</summary>
    private void MoveTask(TaskRow task, NewHumanTask fresh, string activityInstanceId)
    {
        task.TaskDefinitionKey = fresh.TaskDefinitionKey;
        task.DefinitionId = Instance.DefinitionId;
        task.ActivityInstanceId = activityInstanceId;
        task.Name = fresh.Name;
        task.Description = fresh.Description;
        task.Priority = fresh.Priority;
        task.FormKey = fresh.FormKey;
        task.Candidates.Clear();
        task.Candidates.AddRange(CandidatesOf(fresh with { Id = task.Id }, task));
        task.Revision++;
        RecordTask(HistoryEventKind.TaskUpdated, task, WorkflowEngine.MigrateOperation);
    }

    /// <summary>
    /// A timer or subscription whose event exists in the target with the same id and the same definition is kept
    /// (a running deadline keeps its due time); every other wait of the target is created fresh, the rest removed.
    /// </summary>
    private void MoveWaits(Token token, IReadOnlyList<Effect> wanted, ProcessModel target, List<JobRow> timers, List<MessageSubscriptionRow> subscriptions)
    {
        foreach (var wait in wanted)
        {
            switch (wait)
            {
                case Effect.JobCreated { Job: var job }:
                    var keep = timers.FirstOrDefault(t => t.ActivityId == job.ActivityId && SameTimer(Model, target, job.ActivityId));
                    if (keep is not null)
                    {
                        timers.Remove(keep);
                        Repoint(keep, job.ActivityId);
                    }
                    else
                    {
                        AddJob(job);
                    }
                    break;
                case Effect.SubscriptionCreated sub:
                    var same = subscriptions.FirstOrDefault(s => s.ActivityId == sub.ActivityId && s.MessageName == sub.MessageName);
                    if (same is not null)
                    {
                        subscriptions.Remove(same);
                        break;
                    }
                    AddRow(_db, new MessageSubscriptionRow
                    {
                        Id = Context.NewId(), InstanceId = Instance.Id, ExecutionId = token.Id, ActivityId = sub.ActivityId,
                        ActivityInstanceId = sub.ActivityInstanceId, MessageName = sub.MessageName, CreatedAt = Now,
                    });
                    break;
            }
        }
        foreach (var stale in timers)
        {
            _db.Remove(stale);
            RemovedJobIds.Add(stale.Id);
        }
        foreach (var stale in subscriptions)
            _db.Remove(stale);
    }

    private static bool SameTimer(ProcessModel source, ProcessModel target, string eventId) =>
        source.Nodes.GetValueOrDefault(eventId) is { } before && target.Nodes.GetValueOrDefault(eventId) is { } after
        && TimerOf(before) is { } a && a == TimerOf(after)
        && (before as BoundaryEvent)?.CancelActivity == (after as BoundaryEvent)?.CancelActivity;

    private static TimerDefinition? TimerOf(FlowNode node) => node switch
    {
        BoundaryEvent b => b.Timer,
        IntermediateCatchEvent c => c.Timer,
        _ => null,
    };

    private void Repoint(JobRow job, string activityId)
    {
        job.ActivityId = activityId;
        job.DefinitionId = Instance.DefinitionId;
    }
}
