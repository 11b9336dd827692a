using Lapor.Domain.Catalogue;

namespace Lapor.Domain.Reports;

/// <summary>
/// A laporan: what a citizen submitted and what happened to it since. Its methods keep the rules of the
/// lifecycle; the process engine decides when they are called. Mistakes a person can make (an empty
/// reason, rating twice from two browser tabs) come back as <see cref="FieldError"/>s and change nothing;
/// misuse by code (an empty agency code) throws.
/// </summary>
public sealed partial class Report
{
    /// <summary>The stage a report is in until its process says otherwise.</summary>
    public const string InitialStage = "awaiting-verification";

    /// <summary>The language a report is in unless its reporter wrote in English.</summary>
    public const string DefaultLanguage = "id";

    private readonly List<Attachment> _attachments = [];
    private readonly List<TimelineEntry> _timeline = [];

    private Report()
    {
    }

    public Guid Id { get; private set; }

    public TrackingCode TrackingCode { get; private set; }

    public ReportType Type { get; private set; }

    public string Title { get; private set; } = string.Empty;

    /// <summary>The chronology as the reporter wrote it.</summary>
    public string Description { get; private set; } = string.Empty;

    public DateOnly? IncidentDate { get; private set; }

    public string? Location { get; private set; }

    public double? Latitude { get; private set; }

    public double? Longitude { get; private set; }

    public string CategoryCode { get; private set; } = string.Empty;

    /// <summary>The institution the reporter suggested, if any.</summary>
    public string? TargetAgencyCode { get; private set; }

    /// <summary>The institution handling the report, set by disposition and changed only by forwarding.</summary>
    public string? ResponsibleAgencyCode { get; private set; }

    public bool IsAnonymous { get; private set; }

    public bool IsConfidential { get; private set; }

    /// <summary>
    /// Who reported. Never show this to an agency or the public when <see cref="IsAnonymous"/>; use
    /// <see cref="PublicReporterName"/> there.
    /// </summary>
    public Reporter Reporter { get; private set; } = null!;

    public DateTimeOffset SubmittedAt { get; private set; }

    public string? ProcessInstanceId { get; private set; }

    /// <summary>Where the report is in its process, e.g. "awaiting-verification"; set by the process.</summary>
    public string Stage { get; private set; } = InitialStage;

    public ReportStatus Status { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    public Rating? Rating { get; private set; }

    /// <summary>"id" or "en": the language the reporter submitted in, which every notice to them is written in.</summary>
    public string Language { get; private set; } = DefaultLanguage;

    /// <summary>Set when the reporter followed the unsubscribe link of a notice: nothing more is sent to them.</summary>
    public bool NoticesStopped { get; private set; }

    /// <summary>
    /// The secret in the unsubscribe link of the reporter's notices: random, so that knowing a tracking code is not
    /// enough to silence someone else's notices. Null on reports filed before notices existed until their first notice.
    /// </summary>
    public string? NoticeToken { get; private set; }

    public IReadOnlyList<Attachment> Attachments => _attachments;

    /// <summary>The public history of the report, oldest first.</summary>
    public IReadOnlyList<TimelineEntry> Timeline => _timeline;

    /// <summary>The name agencies and the public see; null for an anonymous report, which the host calls "Anonim".</summary>
    public string? PublicReporterName => IsAnonymous ? null : Reporter.Name;

    /// <summary>Whether anyone may read the report; a confidential one is for its handlers only.</summary>
    public bool IsPublic => !IsConfidential;

    /// <summary>
    /// Files a report from a citizen's draft. <paramref name="now"/> is the submission time; whether the
    /// incident date lies in the future is judged against the latest calendar date in Indonesia, so a
    /// reporter in WIT is never refused "today" whatever offset the host passes.
    /// </summary>
    public static Validated<Report> Submit(
        ReportDraft draft,
        Reporter reporter,
        TrackingCode code,
        DateTimeOffset now,
        string language = DefaultLanguage)
    {
        ArgumentNullException.ThrowIfNull(draft);
        ArgumentNullException.ThrowIfNull(reporter);
        if (code == default)
        {
            throw new ArgumentException("A report needs a tracking code; use TrackingCode.New().", nameof(code));
        }

        var (clean, errors) = draft.Clean(LatestDateInIndonesia(now));
        if (errors.Count > 0)
        {
            return Validated<Report>.Failure(errors);
        }

        var report = new Report
        {
            Id = Guid.CreateVersion7(now),
            TrackingCode = code,
            Type = clean.Type,
            Title = clean.Title!,
            Description = clean.Description!,
            IncidentDate = clean.IncidentDate,
            Location = clean.Location,
            Latitude = clean.Latitude,
            Longitude = clean.Longitude,
            CategoryCode = clean.CategoryCode!,
            TargetAgencyCode = clean.TargetAgencyCode,
            IsAnonymous = clean.IsAnonymous,
            IsConfidential = clean.IsConfidential,
            Reporter = reporter,
            SubmittedAt = now,
            Status = ReportStatus.Open,
            NoticeToken = NewNoticeToken(),
            Language = language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? "en" : DefaultLanguage,
        };
        report.Record(now, TimelineEntryKind.Submitted, text: null, actor: null);
        return Validated<Report>.Success(report);
    }

    /// <summary>The reporter asked for no more notices about this report (idempotent).</summary>
    public void StopNotices() => NoticesStopped = true;

    /// <summary>The unsubscribe secret, made now for a report that predates it.</summary>
    public string EnsureNoticeToken() => NoticeToken ??= NewNoticeToken();

    private static string NewNoticeToken() =>
        Convert.ToHexStringLower(System.Security.Cryptography.RandomNumberGenerator.GetBytes(16));

    /// <summary>Links the report to the process instance that handles it; a report has exactly one.</summary>
    public void AttachProcess(string processInstanceId)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(processInstanceId);
        if (ProcessInstanceId is not null && ProcessInstanceId != processInstanceId)
        {
            throw new InvalidOperationException(
                $"Report {TrackingCode} already runs in process instance {ProcessInstanceId}.");
        }

        ProcessInstanceId = processInstanceId;
    }

    /// <summary>Adds a file that passed <see cref="AttachmentRules.Check"/> and was stored under its stored name.</summary>
    public IReadOnlyList<FieldError> AddAttachment(
        Attachment attachment,
        AttachmentRules rules)
    {
        ArgumentNullException.ThrowIfNull(attachment);
        ArgumentNullException.ThrowIfNull(rules);
        if (Status == ReportStatus.Closed)
        {
            return Refuse(nameof(Status), ReportMessages.ReportClosed);
        }

        if (rules.CheckCount(_attachments.Count) is { } tooMany)
        {
            return [tooMany];
        }

        _attachments.Add(attachment);
        return [];
    }

    private static DateOnly LatestDateInIndonesia(DateTimeOffset now) =>
        DateOnly.FromDateTime(now.ToOffset(TimeSpan.FromHours(9)).DateTime);

    private static IReadOnlyList<FieldError> Refuse(string field, string key) =>
        [ReportMessages.Sentence(field, key)];

    private static string RequireActor(string actor)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(actor);
        return actor.Trim();
    }

    private static string RequireAgency(string agencyCode) => CatalogueCode.Require(agencyCode, nameof(agencyCode));

    private string? CleanPublicText(string? raw, string field, int maxLength, bool required, List<FieldError> errors)
    {
        var text = TextInput.Clean(raw, field, maxLength, required, multiline: true, errors);
        return text is null ? null : IdentityRedaction.Apply(text, Reporter, hideName: IsAnonymous);
    }

    /// <param name="text">What a person wrote or the step's value; null for a step whose kind says it all.</param>
    private void Record(DateTimeOffset now, TimelineEntryKind kind, string? text, string? actor, string? agencyCode = null) =>
        _timeline.Add(new TimelineEntry(now, kind, text, actor, agencyCode) { Seq = _timeline.Count });
}
