using System.Globalization;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Pages.Shared;
using Lapor.Host.Reports;
using Lapor.Workflows.Errors;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Tracking;

/// <summary>
/// The reporter's view of a report, opened by its tracking code (the reporter's secret, so confidential reports show
/// here too): stage, timeline, attachments, and the actions the process waits for (reply, confirm and rate, reopen).
/// </summary>
public sealed class ReportModel(ReportQueries queries, ReporterActions actions, ProcessStages stages, LaporDb db, IAttachmentStore files,
    IStringLocalizer<PortalText> text) : PageModel
{
    [BindProperty(SupportsGet = true)]
    public string Code { get; set; } = "";

    [BindProperty]
    public ReplyInput Reply { get; set; } = new();

    [BindProperty]
    public ConfirmInput Confirm { get; set; } = new();

    [BindProperty]
    public ReopenInput Reopen { get; set; } = new();

    public ReportView? View { get; private set; }

    public IReadOnlySet<string> Available { get; private set; } = new HashSet<string>();

    public async Task<IActionResult> OnGetAsync(CancellationToken ct) => await ShowAsync(ct);

    public Task<IActionResult> OnPostReplyAsync(CancellationToken ct) =>
        ActAsync(nameof(Reply), "Track.Done.Reply", () => actions.ReplyAsync(Code, Reply.Text, ct),
            field => field == "Reply" ? $"{nameof(Reply)}.{nameof(ReplyInput.Text)}" : nameof(Reply), ct);

    public Task<IActionResult> OnPostConfirmAsync(CancellationToken ct)
    {
        int? stars = null;
        if (!string.IsNullOrWhiteSpace(Confirm.Stars))
        {
            // Anything but a whole number is out of range, so the domain's range message covers it.
            stars = int.TryParse(Confirm.Stars, NumberStyles.None, CultureInfo.InvariantCulture, out var s) ? s : 0;
        }
        return ActAsync(nameof(Confirm), "Track.Done.Confirm", () => actions.ConfirmAsync(Code, stars, Confirm.Comment, ct),
            field => field is "Stars" or "Comment" ? $"{nameof(Confirm)}.{field}" : nameof(Confirm), ct);
    }

    public Task<IActionResult> OnPostReopenAsync(CancellationToken ct) =>
        ActAsync(nameof(Reopen), "Track.Done.Reopen", () => actions.ReopenAsync(Code, Reopen.Reason, ct),
            field => field == "Reason" ? $"{nameof(Reopen)}.{nameof(ReopenInput.Reason)}" : nameof(Reopen), ct);

    /// <summary>An attachment, for the holder of the code only. Sent as a download under its checked type, never sniffed.</summary>
    public async Task<IActionResult> OnGetAttachmentAsync(Guid id, CancellationToken ct)
    {
        if (!TrackingCode.TryParse(Code, out var code))
            return NotFound();
        var report = await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.TrackingCode == code, ct);
        if (report?.Attachments.FirstOrDefault(a => a.Id == id) is not { } attachment || await files.OpenAsync(attachment.StoredName, ct) is not { } content)
            return NotFound();
        Response.Headers.XContentTypeOptions = "nosniff";
        return File(content, attachment.ContentType, attachment.FileName);
    }

    private async Task<IActionResult> ActAsync(string form, string doneKey, Func<Task<IReadOnlyList<FieldError>>> act,
        Func<string, string> keyOf, CancellationToken ct)
    {
        // Only the submitted form's fields are meant; the others were bound empty.
        ModelState.Clear();
        IReadOnlyList<FieldError> errors;
        try
        {
            errors = await act();
        }
        catch (WorkflowException)
        {
            // The process moved on between showing the form and posting it (another tab, a timer).
            errors = [new FieldError(form, "Track.ActionFailed")];
        }
        if (errors.Count == 0)
        {
            TempData["Notice"] = text[doneKey].Value;
            return RedirectToPage(new { code = Code });
        }
        foreach (var error in errors)
            ModelState.AddModelError(keyOf(error.Field), text.Message(error));
        return await ShowAsync(ct);
    }

    private async Task<IActionResult> ShowAsync(CancellationToken ct)
    {
        if (await queries.TrackAsync(Code, ct) is not { } report)
        {
            // The form to try again, with a 404 so the code is not mistaken for a found report.
            Response.StatusCode = StatusCodes.Status404NotFound;
            return Page();
        }
        Code = report.TrackingCode;
        View = new ReportView(report, await stages.LoadAsync(ct), ForReporter: true);
        Available = await actions.AvailableAsync(Code, ct);
        return Page();
    }

    public sealed record ReplyInput
    {
        public string? Text { get; init; }
    }

    public sealed record ConfirmInput
    {
        public string? Stars { get; init; }
        public string? Comment { get; init; }
    }

    public sealed record ReopenInput
    {
        public string? Reason { get; init; }
    }
}
