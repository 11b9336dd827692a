namespace Lapor.Domain.Reports;

/// <summary>
/// One step of the public timeline of a report. Everything here may be shown to anyone who can see the
/// report, so it never carries the reporter's identity: only <see cref="Report"/> creates entries, and it
/// scrubs the reporter's contact details from the text first.
/// </summary>
/// <param name="Text">
/// What a person wrote (an answer, a reason, a stage), or the step's value (the stars, the primary's tracking code);
/// null when the kind says it all. Sentences the system would write are not stored: readers tell them in their own
/// language, and <see cref="PublicText"/> in the portal's main one (decision 030). Steps recorded before that keep
/// their sentence here, which is then shown as written.
/// </param>
/// <param name="Actor">The officer or agency that acted; null for the reporter and for the system.</param>
/// <param name="AgencyCode">The agency a disposition or forward went to, so the host can show its current name.</param>
public sealed record TimelineEntry(
    DateTimeOffset When,
    TimelineEntryKind Kind,
    string? Text,
    string? Actor,
    string? AgencyCode = null)
{
    /// <summary>The step's place in its report's timeline, from 0; with the report's id, the entry's key.</summary>
    public int Seq { get; init; }

    /// <summary>The step in the portal's main language (Bahasa Indonesia), as exports and the national feed carry it.</summary>
    public string PublicText => TimelineRecord.Tell(Kind, Text);
}
