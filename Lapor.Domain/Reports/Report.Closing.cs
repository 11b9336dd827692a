namespace Lapor.Domain.Reports;

public sealed partial class Report
{
    public const int CommentMaxLength = 1000;

    public IReadOnlyList<FieldError> Close(DateTimeOffset now, string culture = ReportMessages.DefaultCulture)
    {
        if (Status == ReportStatus.Closed)
        {
            return Refuse(nameof(Status), ReportMessages.ReportClosed, culture);
        }

        Status = ReportStatus.Closed;
        ClosedAt = now;
        Record(now, TimelineEntryKind.Closed, ReportMessages.Get(ReportMessages.TimelineClosed, StoredCulture), actor: null);
        return [];
    }

    /// <summary>The reporter finds the matter unresolved; the reason tells the institution what is still wrong.</summary>
    public IReadOnlyList<FieldError> Reopen(string? reason, DateTimeOffset now, string culture = ReportMessages.DefaultCulture)
    {
        if (Status != ReportStatus.Closed)
        {
            return Refuse(nameof(Status), ReportMessages.ReportNotClosed, culture);
        }

        var errors = new List<FieldError>();
        var why = CleanPublicText(reason, "Reason", ReasonMaxLength, required: true, culture, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        Status = ReportStatus.Open;
        ClosedAt = null;
        Record(now, TimelineEntryKind.Reopened, why!, actor: null);
        return [];
    }

    /// <summary>
    /// The reporter's rating of the handling. Given once: a later reopen does not wipe it, so the
    /// agency figures count what the reporter said first.
    /// </summary>
    public IReadOnlyList<FieldError> Rate(int stars, string? comment, DateTimeOffset now, string culture = ReportMessages.DefaultCulture)
    {
        if (Status != ReportStatus.Closed)
        {
            return Refuse(nameof(Status), ReportMessages.ReportNotClosed, culture);
        }

        if (Rating is not null)
        {
            return Refuse(nameof(Rating), ReportMessages.AlreadyRated, culture);
        }

        var errors = new List<FieldError>();
        if (stars is < Rating.MinStars or > Rating.MaxStars)
        {
            errors.Add(ReportMessages.ForField("Stars", ReportMessages.OutOfRange, culture, Rating.MinStars, Rating.MaxStars));
        }

        var remark = CleanPublicText(comment, "Comment", CommentMaxLength, required: false, culture, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        Rating = new Rating(stars, remark, now);
        Record(now, TimelineEntryKind.Rated, ReportMessages.Format(ReportMessages.TimelineRated, StoredCulture, stars), actor: null);
        return [];
    }
}
