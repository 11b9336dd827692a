using Lapor.Host.Inbox;
using Lapor.Host.Localization;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Inbox;

/// <summary>
/// Tugas: the open tasks a staff member may see, with claim and unclaim. The folder is authorized for staff roles
/// (Program.cs); each POST checks the task again through the inbox's own query, so a guessed id answers 404.
/// </summary>
public sealed class IndexModel(TaskInbox inbox, WorkflowEngine engine, ProcessStages stages, IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tampil")]
    public InboxView View { get; set; }

    [BindProperty(SupportsGet = true, Name = "tugas")]
    public string? TaskKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "cari")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "hal")]
    public int PageNumber { get; set; } = 1;

    public InboxPage Tasks { get; private set; } = null!;

    public StageLabels Stages { get; private set; } = null!;

    public IReadOnlyList<(string Key, string Name)> TaskKinds { get; private set; } = [];

    public bool MayAct => TaskInbox.MayAct(User);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tasks = await inbox.ForUserAsync(User, new InboxFilter(View, TaskKey, Search, PageNumber), ct);
        Stages = await stages.LoadAsync(ct);
        TaskKinds = await inbox.TaskKindsAsync(User, ct);
    }

    public Task<IActionResult> OnPostClaimAsync(string taskId, CancellationToken ct) =>
        ActAsync(taskId, mayUnclaim: false, () => engine.ClaimAsync(taskId, User.Identity!.Name!, User.Identity.Name, ct), "Inbox.Claimed", ct);

    public Task<IActionResult> OnPostUnclaimAsync(string taskId, CancellationToken ct) =>
        ActAsync(taskId, mayUnclaim: true, () => engine.UnclaimAsync(taskId, User.Identity!.Name, ct), "Inbox.Unclaimed", ct);

    private async Task<IActionResult> ActAsync(string taskId, bool mayUnclaim, Func<Task> command, string notice, CancellationToken ct)
    {
        // A plain 403, not Forbid(): the cookie scheme would turn that into a redirect that looks like success to a script.
        if (!TaskInbox.MayAct(User))
            return StatusCode(StatusCodes.Status403Forbidden);
        var task = await inbox.FindVisibleAsync(User, taskId, ct);
        if (task is null)
            return NotFound();
        if (mayUnclaim && !TaskInbox.MayUnclaim(User, task.Assignee))
            return StatusCode(StatusCodes.Status403Forbidden);
        try
        {
            await command();
            TempData["Notice"] = text[notice].Value;
        }
        catch (WorkflowConflictException)
        {
            // Someone else claimed or completed it between the page load and the click.
            TempData["Notice"] = text["Inbox.Conflict"].Value;
        }
        catch (WorkflowNotFoundException)
        {
            return NotFound();
        }
        return RedirectToPage(new { tampil = View, tugas = TaskKey, cari = Search, hal = PageNumber });
    }
}
