using System.Text.Json.Serialization;
using Lapor.Domain.Reports;

namespace Lapor.Host.Reports;

/// <summary>One public step of a report's history, in words a citizen understands.</summary>
/// <param name="Text">The step in the portal's main language, as the API gives it.</param>
/// <param name="Value">What the step stores (see <see cref="TimelineEntry.Text"/>), for pages that tell it in the reader's language.</param>
public sealed record PublicTimelineEntry(
    DateTimeOffset When, TimelineEntryKind Kind, string Text, string? AgencyName, [property: JsonIgnore] string? Value = null);
