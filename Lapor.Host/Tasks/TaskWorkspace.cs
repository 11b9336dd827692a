using System.Security.Claims;
using Lapor.Domain.Reports;
using Lapor.Host.Accounts;
using Lapor.Host.Data;
using Lapor.Host.Inbox;
using Lapor.Host.Localization;
using Lapor.Host.Reports;
using Lapor.Workflows.Calendars;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Queries;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Tasks;

/// <summary>
/// The task page's work: read a task with its report, and every action on it (complete, note, claim, reassign, take
/// over, change the due date). Each action first finds the task through <see cref="TaskInbox.FindVisibleAsync"/>, so
/// a task of another agency, or a guessed id, is "not found" whatever the action, and then checks
/// <see cref="TaskPermissions"/>, so the auditor and non-assignees change nothing.
/// </summary>
public sealed class TaskWorkspace(
    LaporDb db,
    TaskInbox inbox,
    WorkflowEngine engine,
    ProcessQueries queries,
    InstanceQuery instances,
    ReportQueries reports,
    TaskJournal journal,
    Colleagues colleagues,
    BusinessCalendar calendar,
    TimeProvider clock,
    IStringLocalizer<PortalText> text)
{
    public async Task<TaskView?> LoadAsync(ClaimsPrincipal user, string taskId, CancellationToken ct = default)
    {
        var task = await inbox.FindVisibleAsync(user, taskId, ct);
        if (task is null)
            return null;
        var (definition, builtIn, fields) = await FormOfAsync(task, ct);

        var variables = await instances.StoredVariablesAsync(task.InstanceId, ct);
        // A form shows the case's current value when there is one (an earlier answer), else the field's default.
        var current = fields.ToDictionary(f => f.Id, f => variables.TryGetValue(f.Id, out var value) && value is not null ? value : f.DefaultValue);

        var report = await reports.ForInstanceAsync(task.InstanceId, ct);
        var notes = report is { } r
            ? await db.InternalNotes.AsNoTracking().Where(n => n.ReportId == r.Id).OrderBy(n => n.WrittenAt).ToListAsync(ct)
            : [];
        var now = clock.GetUtcNow();
        DateTimeOffset? due = task.Due is { } d ? new DateTimeOffset(DateTime.SpecifyKind(d, DateTimeKind.Utc)) : null;
        return new TaskView(task, definition, builtIn, fields, current, report?.Id, report?.View, notes,
            await journal.ForInstanceAsync(task.InstanceId, ct), PermissionsOf(user, task),
            due is { } at ? calendar.WorkingDaysBetween(now, at) : null, due < now);
    }

    /// <summary>The task's definition and the fields its form has: declared ones, else the built-in form's defaults.</summary>
    private async Task<(UserTask? Definition, BuiltInForm? BuiltIn, IReadOnlyList<FormField> Fields)> FormOfAsync(TaskDetails task, CancellationToken ct)
    {
        var definition = (await queries.ModelAsync(task.DefinitionId, ct)).Nodes.GetValueOrDefault(task.TaskDefinitionKey) as UserTask;
        var builtIn = BuiltInForms.For(task.FormKey);
        return (definition, builtIn, definition?.FormFields is { Count: > 0 } declared ? declared : builtIn?.DefaultFieldsIn(text) ?? []);
    }

    public static TaskPermissions PermissionsOf(ClaimsPrincipal user, TaskSummary task)
    {
        if (!TaskInbox.MayAct(user))
            return TaskPermissions.None;
        var me = user.Identity?.Name;
        var supervise = user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Administrator);
        return new TaskPermissions(Work: task.Assignee is not null && task.Assignee == me, Claim: task.Assignee is null, Note: true, Supervise: supervise);
    }

    /// <summary>Completes (or, for a delegated task, resolves) the task with the posted form; nothing changes when any field is wrong.</summary>
    public async Task<TaskActionResult> CompleteAsync(ClaimsPrincipal user, string taskId, Func<string, string?> posted, CancellationToken ct = default)
    {
        // Only what judging the form needs: the page's report, notes and journal are not read on a POST.
        var task = await inbox.FindVisibleAsync(user, taskId, ct);
        if (task is null)
            return TaskActionResult.NotFound;
        if (!PermissionsOf(user, task).Work)
            return TaskActionResult.Forbidden;
        var (_, builtIn, fields) = await FormOfAsync(task, ct);

        var binding = FormFieldBinder.Bind(fields, posted);
        if (!binding.Succeeded)
            return TaskActionResult.Invalid(binding.Errors);
        var errors = await BuiltInRuleErrorsAsync(task, builtIn, fields, binding.Values, ct);
        if (errors.Count > 0)
            return TaskActionResult.Invalid(errors);

        var me = user.Identity!.Name!;
        var delegatedToMe = task.DelegationState == TaskInbox.DelegationPending && task.Assignee == me;
        return await RunAsync(() => delegatedToMe
            ? engine.ResolveAsync(taskId, binding.Values, me, ct)
            : engine.CompleteTaskAsync(taskId, binding.Values, me, ct));
    }

    public async Task<TaskActionResult> ClaimAsync(ClaimsPrincipal user, string taskId, CancellationToken ct = default)
    {
        var task = await inbox.FindVisibleAsync(user, taskId, ct);
        if (task is null)
            return TaskActionResult.NotFound;
        if (!PermissionsOf(user, task).Claim)
            return TaskActionResult.Forbidden;
        var me = user.Identity!.Name!;
        return await RunAsync(() => engine.ClaimAsync(taskId, me, me, ct));
    }

    public async Task<TaskActionResult> AddNoteAsync(ClaimsPrincipal user, string taskId, string? note, CancellationToken ct = default)
    {
        var task = await inbox.FindVisibleAsync(user, taskId, ct);
        if (task is null)
            return TaskActionResult.NotFound;
        if (!PermissionsOf(user, task).Note)
            return TaskActionResult.Forbidden;
        var reportId = await db.Reports.Where(r => r.ProcessInstanceId == task.InstanceId).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(ct);
        if (reportId is null)
            return TaskActionResult.Invalid("Note", "Task.NoReport");
        var written = InternalNote.Write(reportId.Value, user.Identity!.Name!, user.FindFirstValue(LaporClaimTypes.Agency), taskId, note,
            clock.GetUtcNow());
        if (!written.Succeeded)
            return TaskActionResult.Invalid(written.Errors);
        db.InternalNotes.Add(written.Value);
        await db.SaveChangesAsync(ct);
        return TaskActionResult.Done;
    }

    /// <summary>
    /// Coordinator: give the task to an active staff member of the agency it is offered to — the same rule as the
    /// inbox's hand-over (<see cref="Colleagues"/>), so the two pickers never disagree.
    /// </summary>
    public async Task<TaskActionResult> ReassignAsync(ClaimsPrincipal user, string taskId, string? userName, CancellationToken ct = default)
    {
        var task = await inbox.FindVisibleAsync(user, taskId, ct);
        if (task is null)
            return TaskActionResult.NotFound;
        if (!PermissionsOf(user, task).Supervise)
            return TaskActionResult.Forbidden;
        var (outcome, receiver) = await colleagues.CheckAsync(user, task, userName, ct);
        if (outcome != HandOverOutcome.Done)
            return TaskActionResult.Invalid("Assignee", "HandOver.Refused." + outcome, receiver ?? userName ?? "");
        var actor = user.Identity!.Name;
        return await RunAsync(() => engine.SetAssigneeAsync(taskId, receiver, actor, ct));
    }

    /// <summary>Coordinator: take the task, also when someone else holds it (e.g. an escalated case).</summary>
    public async Task<TaskActionResult> TakeOverAsync(ClaimsPrincipal user, string taskId, CancellationToken ct = default)
    {
        var task = await inbox.FindVisibleAsync(user, taskId, ct);
        if (task is null)
            return TaskActionResult.NotFound;
        if (!PermissionsOf(user, task).Supervise)
            return TaskActionResult.Forbidden;
        var me = user.Identity!.Name!;
        return await RunAsync(() => engine.SetAssigneeAsync(taskId, me, me, ct));
    }

    /// <summary>Coordinator: a new due date (a day in Bali; the end of the working day, 16:00 WITA) with a reason.</summary>
    public async Task<TaskActionResult> SetDueDateAsync(ClaimsPrincipal user, string taskId, string? day, string? reason, CancellationToken ct = default)
    {
        var task = await inbox.FindVisibleAsync(user, taskId, ct);
        if (task is null)
            return TaskActionResult.NotFound;
        if (!PermissionsOf(user, task).Supervise)
            return TaskActionResult.Forbidden;
        var errors = new List<FieldError>();
        if (!DateOnly.TryParseExact(day?.Trim(), "yyyy-MM-dd", out var date))
            errors.Add(new FieldError("Due", "Task.DueInvalid"));
        else if (date < DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(FormFieldBinder.DateOffset).DateTime))
            errors.Add(new FieldError("Due", "Task.DueInPast"));
        if (string.IsNullOrWhiteSpace(reason))
            errors.Add(new FieldError("DueReason", "Task.DueReasonRequired"));
        else if (reason.Trim().Length > WorkflowEngine.DateChangeReasonMaxLength)
            errors.Add(new FieldError("DueReason", "Form.TooLong", text["Task.DueReason"].Value, WorkflowEngine.DateChangeReasonMaxLength));
        if (errors.Count > 0)
            return TaskActionResult.Invalid(errors);
        var due = new DateTimeOffset(date.ToDateTime(new TimeOnly(16, 0)), FormFieldBinder.DateOffset);
        var actor = user.Identity!.Name;
        return await RunAsync(() => engine.SetDueDateAsync(taskId, due, reason!.Trim(), actor, ct));
    }

    /// <summary>Who a coordinator may give the task to (see <see cref="ReassignAsync"/>).</summary>
    public Task<IReadOnlyList<Colleague>> AssignableUsersAsync(ClaimsPrincipal user, TaskDetails task, CancellationToken ct = default) =>
        colleagues.ForTaskAsync(user, task, ct);

    private async Task<List<FieldError>> BuiltInRuleErrorsAsync(TaskSummary task, BuiltInForm? builtIn, IReadOnlyList<FormField> fields,
        IReadOnlyDictionary<string, TypedValue> values, CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var labels = fields.ToDictionary(f => f.Id, f => f.Label);
        foreach (var missing in builtIn?.MissingFor(values) ?? [])
            errors.Add(new FieldError(missing, "Form.RequiredForChoice", labels.GetValueOrDefault(missing, missing)));

        var agencyFields = fields.Where(f => BuiltInForms.IsAgencyField(builtIn, f)).Select(f => f.Id).ToList();
        var chosen = agencyFields.Select(id => (Id: id, Code: values.GetValueOrDefault(id)?.Value as string))
            .Where(a => !string.IsNullOrEmpty(a.Code) && errors.All(e => e.Field != a.Id)).ToList();
        if (chosen.Count > 0)
        {
            var codes = chosen.Select(c => c.Code!).ToList();
            var active = await db.Agencies.AsNoTracking().Where(a => a.IsActive && codes.Contains(a.Code)).Select(a => a.Code).ToListAsync(ct);
            foreach (var (id, code) in chosen.Where(c => !active.Contains(c.Code!)))
                errors.Add(new FieldError(id, "Form.UnknownAgency", labels[id], code!));
        }
        // Forwarding to the agency that already holds the report would loop; the domain refuses it too, this says it by field.
        if (builtIn == BuiltInForms.Response && values.GetValueOrDefault("outcome")?.Value as string == "forward"
            && values.GetValueOrDefault("forwardTo")?.Value as string is { } target
            && await db.Reports.AnyAsync(r => r.ProcessInstanceId == task.InstanceId && r.ResponsibleAgencyCode == target, ct))
            errors.Add(new FieldError("forwardTo", "Form.ForwardToSelf"));
        return errors;
    }

    private async Task<TaskActionResult> RunAsync(Func<Task> command)
    {
        try
        {
            await command();
            return TaskActionResult.Done;
        }
        catch (WorkflowNotFoundException)
        {
            return TaskActionResult.NotFound;
        }
        catch (WorkflowConflictException e)
        {
            db.ChangeTracker.Clear();
            return TaskActionResult.Conflict("Task.Conflict", e.Message);
        }
        catch (WorkflowException e)
        {
            // The process or the report refused (e.g. a domain rule); the transaction was rolled back.
            db.ChangeTracker.Clear();
            return TaskActionResult.Invalid("", "Task.Refused", e.Message);
        }
    }
}
