using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Inbox;
using Lapor.Host.Localization;
using Lapor.Host.Pages.Shared;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Inbox;

/// <summary>
/// Tugas: the open tasks a staff member may see, with claim, unclaim, hand-over and delegation. The folder is authorized
/// for staff roles (Program.cs); each POST checks the task again through the inbox's own query, so a guessed id answers 404.
/// </summary>
public sealed class IndexModel(
    TaskInbox inbox, TaskHandOver handOver, Colleagues colleagues, WorkflowEngine engine, ProcessStages stages, LaporDb db,
    IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty(SupportsGet = true, Name = "tampil")]
    public InboxView View { get; set; }

    [BindProperty(SupportsGet = true, Name = "tugas")]
    public string? TaskKey { get; set; }

    [BindProperty(SupportsGet = true, Name = "cari")]
    public string? Search { get; set; }

    [BindProperty(SupportsGet = true, Name = "tahap")]
    public string? Stage { get; set; }

    [BindProperty(SupportsGet = true, Name = "kategori")]
    public string? Category { get; set; }

    [BindProperty(SupportsGet = true, Name = "jenis")]
    public ReportType? Type { get; set; }

    [BindProperty(SupportsGet = true, Name = "tempo")]
    public DateOnly? DueBy { get; set; }

    [BindProperty(SupportsGet = true, Name = "urut")]
    public InboxSort Sort { get; set; }

    /// <summary>Set by the notification page's "new tasks" link: tasks created after the previous visit there.</summary>
    [BindProperty(SupportsGet = true, Name = "sejak")]
    public DateTimeOffset? CreatedAfter { get; set; }

    [BindProperty(SupportsGet = true, Name = "hal")]
    public int PageNumber { get; set; } = 1;

    public InboxPage Tasks { get; private set; } = null!;

    public StageLabels Stages { get; private set; } = null!;

    public IReadOnlyList<(string Key, string Name)> TaskKinds { get; private set; } = [];

    public IReadOnlyList<SelectListItem> Categories { get; private set; } = [];

    /// <summary>The hand-over picker's suggestions; the POST checks the chosen name against the task again.</summary>
    public IReadOnlyList<Colleague> ColleagueChoices { get; private set; } = [];

    public bool MayAct => TaskInbox.MayAct(User);

    private const string TaskIdSlot = "TASKID";
    private string? _taskUrl;

    /// <summary>
    /// A task's page. The route is worked out once per page and the id put in its place: generating it for each row
    /// cost more than writing the row.
    /// </summary>
    public string TaskUrl(string taskId) =>
        (_taskUrl ??= Url.Page("/Inbox/Task", new { taskId = TaskIdSlot })!).Replace(TaskIdSlot, Uri.EscapeDataString(taskId), StringComparison.Ordinal);

    /// <summary>The current filters as route values, for tabs, paging and the redirect after a POST.</summary>
    public Dictionary<string, string> Route(InboxView? view = null, int? page = null) => new Dictionary<string, string?>
    {
        ["tampil"] = (view ?? View).ToString(), ["tugas"] = TaskKey, ["cari"] = Search, ["tahap"] = Stage, ["kategori"] = Category,
        ["jenis"] = Type?.ToString(), ["tempo"] = DueBy?.ToString("yyyy-MM-dd"), ["urut"] = Sort == InboxSort.Due ? null : Sort.ToString(),
        ["sejak"] = CreatedAfter?.ToString("O"), ["hal"] = page?.ToString(),
    }.Where(p => !string.IsNullOrEmpty(p.Value)).ToDictionary(p => p.Key, p => p.Value!);

    public async Task OnGetAsync(CancellationToken ct)
    {
        Tasks = await inbox.ForUserAsync(User, Filter(), ct);
        Stages = await stages.LoadAsync(ct);
        TaskKinds = Tasks.Kinds.Select(k => (k.Key, k.Name)).ToList();
        Categories = await db.CategoryOptionsAsync(activeOnly: false, ct);
        if (MayAct)
            ColleagueChoices = await colleagues.ForUserAsync(User, ct);
    }

    public Task<IActionResult> OnPostClaimAsync(string taskId, CancellationToken ct) =>
        ActAsync(taskId, mayUnclaim: false, () => engine.ClaimAsync(taskId, User.Identity!.Name!, User.Identity.Name, ct), "Inbox.Claimed", ct);

    public Task<IActionResult> OnPostUnclaimAsync(string taskId, CancellationToken ct) =>
        ActAsync(taskId, mayUnclaim: true, () => engine.UnclaimAsync(taskId, User.Identity!.Name, ct), "Inbox.Unclaimed", ct);

    public async Task<IActionResult> OnPostHandOverAsync(string taskId, string? rekan, HandOverKind cara, CancellationToken ct) =>
        Answer(await handOver.PassAsync(User, taskId, rekan, cara, ct), cara == HandOverKind.Delegate ? "HandOver.Delegated" : "HandOver.Done", rekan);

    public async Task<IActionResult> OnPostHandBackAsync(string taskId, CancellationToken ct) =>
        Answer(await handOver.HandBackAsync(User, taskId, ct), "HandOver.HandedBack", null);

    private InboxFilter Filter() =>
        new(View, TaskKey, Search, PageNumber, Stage: Stage, Category: Category, Type: Type, DueBy: DueBy, Sort: Sort, CreatedAfter: CreatedAfter);

    private IActionResult Answer(HandOverOutcome outcome, string doneKey, string? colleague)
    {
        switch (outcome)
        {
            // A plain 403, not Forbid(): the cookie scheme would turn that into a redirect that looks like success to a script.
            case HandOverOutcome.Forbidden:
                return StatusCode(StatusCodes.Status403Forbidden);
            case HandOverOutcome.NotFound:
                return NotFound();
            case HandOverOutcome.Done:
                TempData["Notice"] = text[doneKey, colleague ?? ""].Value;
                break;
            default:
                // Refusals are the user's to correct, so they come back as a message on the list, not as an error page.
                TempData["InboxError"] = text["HandOver.Refused." + outcome, colleague ?? ""].Value;
                break;
        }
        return RedirectToPage(Route());
    }

    private async Task<IActionResult> ActAsync(string taskId, bool mayUnclaim, Func<Task> command, string notice, CancellationToken ct)
    {
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
        return RedirectToPage(Route());
    }
}
