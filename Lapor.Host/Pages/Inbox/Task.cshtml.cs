using Lapor.Host.Data;
using Lapor.Host.Inbox;
using Lapor.Host.Localization;
using Lapor.Host.Pages.Shared;
using Lapor.Host.Reports;
using Lapor.Host.SimilarReports;
using Lapor.Host.Tasks;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Inbox;

/// <summary>
/// One task: the report (reporter by public name only), attachments, the public timeline, internal notes, the task's
/// form and, for coordinators, reassign / take over / change the due date. Every handler goes through
/// <see cref="TaskWorkspace"/>, which finds the task with the inbox's visibility rule first: other agencies' tasks
/// and guessed ids answer 404, actions the user may not take answer 403, and a refused form changes nothing.
/// </summary>
public sealed class TaskModel(TaskWorkspace workspace, TaskInbox inbox, ProcessStages stages, LaporDb db, IAttachmentStore files, DuplicateLinks duplicates,
    IStringLocalizer<PortalText> text)
    : PageModel
{
    /// <summary>Form fields are posted as f.{fieldId}, apart from the page's own inputs.</summary>
    public const string FieldPrefix = "f.";

    [BindProperty(SupportsGet = true)]
    public string TaskId { get; set; } = "";

    public TaskView View { get; private set; } = null!;

    public StageLabels Stages { get; private set; } = null!;

    public List<SelectListItem> AgencyOptions { get; private set; } = [];

    public IReadOnlyList<Colleague> Assignable { get; private set; } = [];

    /// <summary>Similar open reports the user could join this task's report to (decision 022); empty for read-only viewers.</summary>
    public IReadOnlyList<SimilarReport> LikelyDuplicates { get; private set; } = [];

    /// <summary>What the officer typed, shown again when the form was refused.</summary>
    public Dictionary<string, string?> Posted { get; } = new(StringComparer.Ordinal);

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await PageOrNotFoundAsync(ct);

    public async Task<IActionResult> OnPostCompleteAsync(CancellationToken ct)
    {
        foreach (var (key, value) in Request.Form.Where(f => f.Key.StartsWith(FieldPrefix, StringComparison.Ordinal)))
            Posted[key[FieldPrefix.Length..]] = value.LastOrDefault();
        var result = await workspace.CompleteAsync(User, TaskId, id => Posted.GetValueOrDefault(id), ct);
        return await AfterAsync(result, "Task.Completed", toInbox: true, field => FieldPrefix + field, ct);
    }

    public async Task<IActionResult> OnPostClaimAsync(CancellationToken ct) =>
        await AfterAsync(await workspace.ClaimAsync(User, TaskId, ct), "Task.Claimed", toInbox: false, f => f, ct);

    public async Task<IActionResult> OnPostNoteAsync(string? note, CancellationToken ct)
    {
        Posted["note"] = note;
        return await AfterAsync(await workspace.AddNoteAsync(User, TaskId, note, ct), "Task.NoteSaved", toInbox: false, _ => "note", ct);
    }

    public async Task<IActionResult> OnPostReassignAsync(string? assignee, CancellationToken ct) =>
        await AfterAsync(await workspace.ReassignAsync(User, TaskId, assignee, ct), "Task.Reassigned", toInbox: false, _ => "assignee", ct);

    public async Task<IActionResult> OnPostTakeOverAsync(CancellationToken ct) =>
        await AfterAsync(await workspace.TakeOverAsync(User, TaskId, ct), "Task.TookOver", toInbox: false, f => f, ct);

    public async Task<IActionResult> OnPostDueDateAsync(string? due, string? dueReason, CancellationToken ct)
    {
        Posted["due"] = due;
        Posted["dueReason"] = dueReason;
        return await AfterAsync(await workspace.SetDueDateAsync(User, TaskId, due, dueReason, ct), "Task.DueChanged", toInbox: false,
            f => f == "DueReason" ? "dueReason" : "due", ct);
    }

    /// <summary>Joins the task's report to <paramref name="primary"/> as its duplicate; the task ends, so the inbox follows.</summary>
    public async Task<IActionResult> OnPostLinkDuplicateAsync(string? primary, CancellationToken ct)
    {
        var result = await duplicates.LinkAsync(User, TaskId, primary, ct);
        if (result.Status != TaskActionStatus.Done)
            return await AfterAsync(result, "", toInbox: false, _ => "duplicateOf", ct);
        TempData["Notice"] = text["Duplicates.Linked", primary ?? ""].Value;
        return RedirectToPage("/Inbox/Index");
    }

    /// <summary>An attachment of the task's report; reached only through a task this user can see.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, CancellationToken ct)
    {
        if (await inbox.FindVisibleAsync(User, TaskId, ct) is not { } task)
            return NotFound();
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.ProcessInstanceId == task.InstanceId, ct);
        if (report?.Attachments.FirstOrDefault(a => a.Id == id) is not { } attachment || await files.OpenAsync(attachment.StoredName, ct) is not { } content)
            return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, attachment.ContentType, attachment.FileName);
    }

    private async Task<IActionResult> AfterAsync(TaskActionResult result, string doneKey, bool toInbox, Func<string, string> keyOf, CancellationToken ct)
    {
        switch (result.Status)
        {
            case TaskActionStatus.Done:
                TempData["Notice"] = text[doneKey].Value;
                return toInbox ? RedirectToPage("/Inbox/Index") : RedirectToPage(new { TaskId });
            case TaskActionStatus.NotFound:
                return NotFound();
            case TaskActionStatus.Forbidden:
                // A plain 403, not Forbid(): the cookie scheme would turn that into a redirect that looks like success.
                return StatusCode(StatusCodes.Status403Forbidden);
            default:
                foreach (var error in result.Errors)
                    ModelState.AddModelError(error.Field.Length == 0 ? "" : keyOf(error.Field), text.Message(error));
                var page = await PageOrNotFoundAsync(ct);
                if (page is PageResult)
                    Response.StatusCode = result.Status == TaskActionStatus.Conflict ? StatusCodes.Status409Conflict : StatusCodes.Status400BadRequest;
                return page;
        }
    }

    private async Task<IActionResult> PageOrNotFoundAsync(CancellationToken ct)
    {
        var view = await workspace.LoadAsync(User, TaskId, ct);
        if (view is null)
            return NotFound();
        View = view;
        Stages = await stages.LoadAsync(ct);
        if (view.Fields.Any(f => BuiltInForms.IsAgencyField(view.BuiltIn, f)))
            AgencyOptions = await db.AgencyOptionsAsync(activeOnly: true, text, ct);
        if (view.May.Supervise)
            Assignable = await workspace.AssignableUsersAsync(User, view.Task, ct);
        if (DuplicateLinks.MayLink(view.May) && view.ReportId is { } reportId)
            LikelyDuplicates = await duplicates.CandidatesAsync(User, reportId, ct);
        return Page();
    }

    /// <summary>The value a field shows: what was just posted, else the case's current value or the default.</summary>
    public string? ValueOf(string fieldId) =>
        Posted.TryGetValue(fieldId, out var posted) ? posted : View.CurrentValues.GetValueOrDefault(fieldId);
}
