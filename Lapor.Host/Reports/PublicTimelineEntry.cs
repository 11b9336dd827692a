using Lapor.Domain.Reports;

namespace Lapor.Host.Reports;

/// <summary>One public step of a report's history, in words a citizen understands.</summary>
public sealed record PublicTimelineEntry(DateTimeOffset When, TimelineEntryKind Kind, string Text, string? AgencyName);
