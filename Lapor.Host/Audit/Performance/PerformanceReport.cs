namespace Lapor.Host.Audit.Performance;

/// <summary>The dashboard for one period: every agency that had a figure, ranked, and the province total.</summary>
/// <param name="AsOf">The moment open work and overdue answers are judged at: the period's end, or now while it runs.</param>
public sealed record PerformanceReport(
    Period Period,
    DateTimeOffset AsOf,
    IReadOnlyList<AgencyFigures> Agencies,
    AgencyFigures Total,
    int Submitted)
{
    public AgencyFigures? For(string agencyCode) =>
        agencyCode == AgencyFigures.AllAgencies ? Total : Agencies.FirstOrDefault(a => a.AgencyCode == agencyCode);
}
