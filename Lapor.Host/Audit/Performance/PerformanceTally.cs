namespace Lapor.Host.Audit.Performance;

/// <summary>
/// How many reports count for a figure of one agency (or of all, <see cref="AgencyFigures.AllAgencies"/>) in one
/// month, semester or year, as far as that no longer depends on when it is asked (decision 035). <see cref="Value"/>
/// splits the figures that are distributions: the working days of each answer, the stars of each rating.
/// </summary>
public sealed class PerformanceTally
{
    public required string Period { get; init; }

    public required string Agency { get; init; }

    /// <summary>A <see cref="Performance.Figure"/>, or one of <see cref="TallyKey"/>'s figures beyond them.</summary>
    public required int Figure { get; init; }

    public required int Value { get; init; }

    public int Count { get; set; }
}

/// <summary>
/// A change to the tallies, written by the SaveChanges that changes a report (adding rows never waits on another
/// writer's row) and folded into <see cref="PerformanceTally"/> soon after by <see cref="PerformanceTallyFolder"/>.
/// </summary>
public sealed class PerformanceTallyChange
{
    public long Id { get; init; }

    public required string Period { get; init; }

    public required string Agency { get; init; }

    public required int Figure { get; init; }

    public required int Value { get; init; }

    public required int Delta { get; init; }
}
