namespace Lapor.Domain.Reports;

/// <summary>
/// One step of the public timeline of a report. Everything here may be shown to anyone who can see the
/// report, so it never carries the reporter's identity: only <see cref="Report"/> creates entries, and it
/// scrubs the reporter's contact details from the text first.
/// </summary>
/// <param name="Actor">The officer or agency that acted; null for the reporter and for the system.</param>
/// <param name="AgencyCode">The agency a disposition or forward went to, so the host can show its current name.</param>
public sealed record TimelineEntry(
    DateTimeOffset When,
    TimelineEntryKind Kind,
    string PublicText,
    string? Actor,
    string? AgencyCode = null);
