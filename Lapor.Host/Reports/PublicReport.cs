using Lapor.Domain.Reports;
using Lapor.Host.Maps;

namespace Lapor.Host.Reports;

/// <summary>
/// A report as anyone may see it: the reporter appears only by public name ("Anonim" when anonymous), never by
/// contact details; confidential reports never become one of these except for their own reporter. The reporter's rating
/// comment is for the reporter and the staff handling the case, not for the public page.
/// </summary>
public sealed record PublicReport(
    string TrackingCode,
    ReportType Type,
    string Title,
    string Description,
    DateOnly? IncidentDate,
    string? Location,
    string CategoryCode,
    string? CategoryName,
    string? ResponsibleAgencyCode,
    string? ResponsibleAgencyName,
    string ReporterName,
    bool IsAnonymous,
    bool IsConfidential,
    string Stage,
    ReportStatus Status,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ClosedAt,
    int? RatingStars,
    string? RatingComment,
    IReadOnlyList<PublicTimelineEntry> Timeline,
    IReadOnlyList<PublicAttachment> Attachments)
{
    /// <summary>Where the reporter put the report on the map, if they did.</summary>
    public MapPoint? Point { get; init; }
}
