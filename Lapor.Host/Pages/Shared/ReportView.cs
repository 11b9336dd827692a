using Lapor.Domain.Reports;
using Lapor.Host.Localization;
using Lapor.Host.Reports;

namespace Lapor.Host.Pages.Shared;

/// <summary>
/// What the report partials need: the report as its viewer may see it and the stage wording. <see cref="ForReporter"/>
/// is set on the reporter's own page, which speaks to them ("waits for your confirmation").
/// </summary>
public sealed record ReportView(PublicReport Report, StageLabels Stages, bool ForReporter = false)
{
    /// <summary>
    /// A timeline step in the visitor's language. Steps the system wrote are stored in Indonesian, so they are told
    /// again from their kind; what people wrote (responses, replies, reasons) stays as written.
    /// </summary>
    public string TextOf(PublicTimelineEntry entry)
    {
        var culture = PortalCultures.DomainCulture;
        return entry.Kind switch
        {
            TimelineEntryKind.Submitted => ReportMessages.Get(ReportMessages.TimelineSubmitted, culture),
            TimelineEntryKind.Disposed => ReportMessages.Get(ReportMessages.TimelineDisposed, culture),
            TimelineEntryKind.AwaitingConfirmation => ReportMessages.Get(ReportMessages.TimelineAwaitingConfirmation, culture),
            TimelineEntryKind.Closed => ReportMessages.Get(ReportMessages.TimelineClosed, culture),
            TimelineEntryKind.DuplicateLinked => ReportMessages.Get(ReportMessages.TimelineDuplicateLinked, culture),
            TimelineEntryKind.Rated when Report.RatingStars is { } stars => ReportMessages.Format(ReportMessages.TimelineRated, culture, stars),
            TimelineEntryKind.StageChanged => Stages.Show(entry.Text),
            _ => entry.Text,
        };
    }
}
