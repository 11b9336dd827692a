using System.Globalization;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Pages.Shared;
using Lapor.Host.Reports;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Mvc.RazorPages;
using Microsoft.AspNetCore.Mvc.Rendering;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Reports;

/// <summary>
/// Buat laporan: the citizen's form. Everything is judged by <see cref="ReportIntake"/> and the domain, whose
/// per-field messages are shown next to the fields; the page only turns typed text into values.
/// </summary>
[RequestSizeLimit(MaxRequestBytes)]
[RequestFormLimits(MultipartBodyLengthLimit = MaxRequestBytes)]
public sealed class SubmitModel(ReportIntake intake, LaporDb db, UserManager<LaporUser> users, IStringLocalizer<PortalText> text, TimeProvider clock) : PageModel
{
    // Five attachments of 10 MB each, plus room for the text fields and the multipart framing.
    public const long MaxRequestBytes = 5 * 10 * 1024 * 1024 + 2 * 1024 * 1024;

    [BindProperty]
    public Input Form { get; set; } = new();

    [BindProperty]
    public List<IFormFile> Attachments { get; set; } = [];

    public List<SelectListItem> Categories { get; private set; } = [];

    public List<SelectListItem> Agencies { get; private set; } = [];

    public AttachmentRules Rules => intake.Rules;

    /// <summary>How many files came with a refused form (they were not kept).</summary>
    public int AttachmentsDropped { get; private set; }

    public bool IsGuest => User.Identity?.IsAuthenticated != true;

    public async Task OnGetAsync(CancellationToken ct) => await LoadChoicesAsync(ct);

    public async Task<IActionResult> OnPostAsync(CancellationToken ct)
    {
        var errors = new List<FieldError>();
        var draft = Form.ToDraft(errors);
        var reporter = await AccountReporterAsync();
        if (reporter is null)
        {
            var guest = Reporter.Guest(Form.Name, Form.Email, Form.Phone);
            errors.AddRange(guest.Errors);
            reporter = guest.Value;
        }
        var files = Attachments.Select(f => new IncomingFile(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();

        if (errors.Count == 0 && reporter is not null)
        {
            var result = await intake.SubmitAsync(draft, reporter, files, ct);
            if (result.Report is { } report)
                return RedirectToPage("/Reports/Submitted", new { code = report.TrackingCode.ToString() });
            errors.AddRange(result.Errors);
        }
        else
        {
            // Show the report's own mistakes along with the contact's, so one round trip can fix them all.
            errors.AddRange(draft.Validate(LatestDateInIndonesia()));
            errors.AddRange(CheckFiles(files));
        }

        foreach (var (field, message) in errors.Select(e => (e.Field, text.Message(e))).Distinct())
            ModelState.AddModelError(KeyOf(field), message);
        // Browsers never refill a file input, so the reporter must be told to pick the files again.
        AttachmentsDropped = Attachments.Count;
        await LoadChoicesAsync(ct);
        return Page();
    }

    private async Task<Reporter?> AccountReporterAsync()
    {
        if (User.Identity?.IsAuthenticated != true || await users.GetUserAsync(User) is not { } user)
            return null;
        return Reporter.Account(user.Id, user.DisplayName ?? user.UserName ?? user.Id);
    }

    private IEnumerable<FieldError> CheckFiles(IReadOnlyList<IncomingFile> files)
    {
        if (files.Count > Rules.MaxFiles)
            return [Rules.CheckCount(files.Count)!];
        return files.Select(file =>
        {
            var header = new byte[AttachmentRules.HeaderLength];
            using var stream = file.Open();
            var read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            return Rules.Check(file.FileName, file.ContentType, header.AsSpan(0, read), file.Length).Error;
        }).OfType<FieldError>();
    }

    // The domain names fields as the draft does; the form's keys carry the Input prefix. Errors about the whole
    // contact or about no field in particular go to the summary and to their own slot.
    private static string KeyOf(string field) => field switch
    {
        AttachmentRules.Field => nameof(Attachments),
        _ => $"{nameof(Form)}.{field}",
    };

    // The same rule as the domain's: the latest calendar date anywhere in Indonesia is still "today".
    private DateOnly LatestDateInIndonesia() =>
        DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(TimeSpan.FromHours(9)).DateTime);

    private async Task LoadChoicesAsync(CancellationToken ct)
    {
        Categories = await db.CategoryOptionsAsync(activeOnly: true, ct);
        Agencies = await db.AgencyOptionsAsync(activeOnly: true, text, ct);
    }

    /// <summary>The form as typed. Numbers and dates stay text until <see cref="ToDraft"/> so a typo gets our message, not the binder's.</summary>
    public sealed record Input
    {
        public string? Type { get; init; } = nameof(ReportType.Complaint);
        public string? Title { get; init; }
        public string? Description { get; init; }
        public string? IncidentDate { get; init; }
        public string? Location { get; init; }
        public string? Latitude { get; init; }
        public string? Longitude { get; init; }
        public string? CategoryCode { get; init; }
        public string? TargetAgencyCode { get; init; }
        public bool IsAnonymous { get; init; }
        public bool IsConfidential { get; init; }
        public string? Name { get; init; }
        public string? Email { get; init; }
        public string? Phone { get; init; }

        public ReportDraft ToDraft(List<FieldError> errors)
        {
            var type = ReportType.Complaint;
            // Names only: Enum.TryParse would also take "7" and hand the domain an undefined value.
            if (!Enum.GetNames<ReportType>().Contains(Type) || !Enum.TryParse(Type, out type))
                errors.Add(Invalid(nameof(Type)));
            return new ReportDraft
            {
                Type = type,
                Title = Title,
                Description = Description,
                IncidentDate = ParseDate(IncidentDate, nameof(IncidentDate), errors),
                Location = Location,
                Latitude = ParseNumber(Latitude, nameof(Latitude), errors),
                Longitude = ParseNumber(Longitude, nameof(Longitude), errors),
                CategoryCode = CategoryCode,
                TargetAgencyCode = string.IsNullOrWhiteSpace(TargetAgencyCode) ? null : TargetAgencyCode,
                IsAnonymous = IsAnonymous,
                IsConfidential = IsConfidential,
            };
        }

        // The date picker sends yyyy-MM-dd whatever the browser's language.
        private static DateOnly? ParseDate(string? raw, string field, List<FieldError> errors)
        {
            if (string.IsNullOrWhiteSpace(raw))
                return null;
            if (DateOnly.TryParseExact(raw.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
                return day;
            errors.Add(Invalid(field));
            return null;
        }

        // Indonesian keyboards and habits write a decimal comma: -8,6705 is as good as -8.6705.
        private static double? ParseNumber(string? raw, string field, List<FieldError> errors)
        {
            if (string.IsNullOrWhiteSpace(raw))
                return null;
            if (double.TryParse(raw.Trim().Replace(',', '.'), NumberStyles.Float, CultureInfo.InvariantCulture, out var number))
                return number;
            errors.Add(Invalid(field));
            return null;
        }

        private static FieldError Invalid(string field) => ReportMessages.ForField(field, ReportMessages.Invalid);
    }
}
