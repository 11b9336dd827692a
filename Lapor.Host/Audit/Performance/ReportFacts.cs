using Lapor.Domain.Reports;

namespace Lapor.Host.Audit.Performance;

/// <summary>What the performance figures need from one report: when it came in, its timeline and its rating.</summary>
public sealed record ReportFacts(
    string TrackingCode,
    DateTimeOffset SubmittedAt,
    IReadOnlyList<TimelineEntry> Timeline,
    int? RatingStars = null,
    DateTimeOffset? RatedAt = null)
{
    /// <summary>The facts of a report as it stands, its whole timeline and rating.</summary>
    public static ReportFacts Of(Report report) =>
        new(report.TrackingCode.ToString(), report.SubmittedAt, report.Timeline, report.Rating?.Stars, report.Rating?.RatedAt);
}
