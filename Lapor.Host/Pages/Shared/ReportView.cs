using Lapor.Domain.Reports;
using Lapor.Host.Localization;
using Lapor.Host.Reports;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Pages.Shared;

/// <summary>
/// What the report partials need: the report as its viewer may see it and the stage wording. <see cref="ForReporter"/>
/// is set on the reporter's own page, which speaks to them ("waits for your confirmation").
/// </summary>
public sealed record ReportView(PublicReport Report, StageLabels Stages, bool ForReporter = false)
{
    /// <summary>
    /// A timeline step in the visitor's language: steps the system took are told from their kind and value (decision
    /// 030); what people wrote (responses, replies, reasons) stays as written.
    /// </summary>
    public string TextOf(PublicTimelineEntry entry, IStringLocalizer<PortalText> text) => entry.Kind switch
    {
        TimelineEntryKind.Submitted => text["Timeline.Text.Submitted"],
        TimelineEntryKind.Disposed => text["Timeline.Text.Disposed"],
        TimelineEntryKind.AwaitingConfirmation => text["Timeline.Text.AwaitingConfirmation"],
        TimelineEntryKind.Closed => text["Timeline.Text.Closed"],
        TimelineEntryKind.DuplicateLinked => text["Timeline.Text.DuplicateLinked"],
        TimelineEntryKind.Rated when Report.RatingStars is { } stars => text["Timeline.Text.Rated", stars],
        TimelineEntryKind.MergedInto when TrackingCode.TryParse(entry.Value, out var primary) => text["Timeline.Text.MergedInto", primary.ToString()],
        TimelineEntryKind.StageChanged => Stages.Show(entry.Text),
        _ => entry.Text,
    };
}
