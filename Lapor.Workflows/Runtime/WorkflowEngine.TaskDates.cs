using Lapor.Workflows.Errors;
using Lapor.Workflows.History;

namespace Lapor.Workflows.Runtime;

/// <summary>Changing a task's dates by hand: allowed, but never silently — the reason goes into the operation log.</summary>
public sealed partial class WorkflowEngine
{
    public const int DateChangeReasonMaxLength = 1000;

    /// <summary>
    /// Moves the task's due date (what inboxes count down to and mark overdue). Timers drawn in the process, such as
    /// a boundary deadline on a sub-process, keep their own time: they are the process's rule, not this task's.
    /// </summary>
    public Task SetDueDateAsync(string taskId, DateTimeOffset? due, string reason, string? actor, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(reason))
            throw new WorkflowException("A reason is required to change a task's due date.");
        if (reason.Length > DateChangeReasonMaxLength)
            throw new WorkflowException($"The reason for a due date change may have at most {DateChangeReasonMaxLength} characters.");
        return OnTaskAsync(taskId, actor, (scope, task) =>
        {
            var before = task.Due;
            task.Due = due?.UtcDateTime;
            // The candidates carry the due date for the group lists' order (TaskCandidateRow.Due); OnTaskAsync loaded them.
            foreach (var candidate in task.Candidates)
                candidate.Due = task.Due;
            task.Revision++;
            scope.LogOperation("SetDueDate", task.Id, new
            {
                property = "dueDate",
                orgValue = before is { } b ? DateTime.SpecifyKind(b, DateTimeKind.Utc).ToString("O") : null,
                newValue = task.Due?.ToString("O"),
                reason = reason.Trim(),
            });
            scope.RecordTask(HistoryEventKind.TaskUpdated, task, "SetDueDate");
        }, ct);
    }
}
