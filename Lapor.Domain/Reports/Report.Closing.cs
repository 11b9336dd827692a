using System.Globalization;

namespace Lapor.Domain.Reports;

public sealed partial class Report
{
    public const int CommentMaxLength = 1000;

    /// <summary>
    /// The institution has answered and the reporter is asked to confirm or reopen: the report is not closed yet, so the
    /// reporter (and everyone else) reads that it waits for them. Asking again while it already waits changes nothing.
    /// </summary>
    public IReadOnlyList<FieldError> AwaitConfirmation(DateTimeOffset now)
    {
        switch (Status)
        {
            case ReportStatus.Closed:
                return Refuse(nameof(Status), ReportMessages.ReportClosed);
            case ReportStatus.AwaitingConfirmation:
                return [];
        }

        Status = ReportStatus.AwaitingConfirmation;
        Record(now, TimelineEntryKind.AwaitingConfirmation, text: null, actor: null);
        return [];
    }

    /// <summary>
    /// The case went back to work without the reporter reopening it (a coordinator moved it on): it is open again,
    /// with no reopen on the timeline, since the reporter gave no reason.
    /// </summary>
    public void ResumeHandling()
    {
        if (Status == ReportStatus.AwaitingConfirmation)
        {
            Status = ReportStatus.Open;
        }
    }

    /// <summary>Final: the reporter confirmed, the quiet period ended, or the process ended another way.</summary>
    public IReadOnlyList<FieldError> Close(DateTimeOffset now)
    {
        if (Status == ReportStatus.Closed)
        {
            return Refuse(nameof(Status), ReportMessages.ReportClosed);
        }

        Status = ReportStatus.Closed;
        ClosedAt = now;
        Record(now, TimelineEntryKind.Closed, text: null, actor: null);
        return [];
    }

    /// <summary>
    /// The reporter finds the answer does not resolve the matter; the reason tells the institution what is still wrong.
    /// Only while the report waits for the reporter: once closed, its process has ended and nobody would pick it up.
    /// </summary>
    public IReadOnlyList<FieldError> Reopen(string? reason, DateTimeOffset now)
    {
        if (Status != ReportStatus.AwaitingConfirmation)
        {
            return Refuse(nameof(Status), Status == ReportStatus.Closed ? ReportMessages.ReportClosed : ReportMessages.NotAwaitingConfirmation);
        }

        var errors = new List<FieldError>();
        var why = CleanPublicText(reason, "Reason", ReasonMaxLength, required: true, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        Status = ReportStatus.Open;
        Record(now, TimelineEntryKind.Reopened, why!, actor: null);
        return [];
    }

    /// <summary>
    /// The reporter's rating of the handling, once there is an answer to rate (the portal asks with the confirmation; a
    /// closed report may still be rated). Given once: a later reopen does not wipe it, so the agency figures count what
    /// the reporter said first.
    /// </summary>
    public IReadOnlyList<FieldError> Rate(int stars, string? comment, DateTimeOffset now)
    {
        if (Status == ReportStatus.Open)
        {
            return Refuse(nameof(Status), ReportMessages.NotAwaitingConfirmation);
        }

        if (Rating is not null)
        {
            return Refuse(nameof(Rating), ReportMessages.AlreadyRated);
        }

        var errors = new List<FieldError>();
        if (stars is < Rating.MinStars or > Rating.MaxStars)
        {
            errors.Add(ReportMessages.ForField("Stars", ReportMessages.OutOfRange, Rating.MinStars, Rating.MaxStars));
        }

        var remark = CleanPublicText(comment, "Comment", CommentMaxLength, required: false, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        Rating = new Rating(stars, remark, now);
        Record(now, TimelineEntryKind.Rated, stars.ToString(CultureInfo.InvariantCulture), actor: null);
        return [];
    }
}
