using Lapor.Domain.Reports;

namespace Lapor.Host.Reports;

/// <summary>A line of the public list.</summary>
public sealed record ReportSummary(
    string TrackingCode, ReportType Type, string Title, string CategoryCode, string? ResponsibleAgencyCode,
    string ReporterName, string Stage, ReportStatus Status, DateTimeOffset SubmittedAt);
