namespace Lapor.Host.Audit.Performance;

/// <summary>
/// One agency's (or the province's, <see cref="AgencyFigures.AllAgencies"/>) late count or backlog bucket in a period
/// that can no longer change them, as the dashboard last computed it from its tallies and open stays (decision 037).
/// </summary>
public sealed class PerformanceFrozen
{
    public required string Period { get; init; }

    public required string Agency { get; init; }

    /// <summary>One of <see cref="FrozenFigures.Kept"/>.</summary>
    public required int Figure { get; init; }

    public required int Count { get; init; }
}
