namespace Lapor.Host.Audit.Performance;

/// <summary>
/// A stay with an agency during the run a report is still held open in (decision 035). These are the parts of the
/// figures that change as days pass without a step: the backlog at a period's end or now, and an unanswered stay
/// becoming late. The dashboard judges them when asked, from these rows; everything else is in the tallies.
/// </summary>
public sealed class PerformanceOpenStay
{
    public required Guid ReportId { get; init; }

    /// <summary>The stay's place among the report's stays in the open run, from 0.</summary>
    public required int Seq { get; init; }

    public required string Agency { get; set; }

    public required DateTimeOffset Start { get; set; }

    /// <summary>The start's date in the calendar's zone (<see cref="DateOnly.DayNumber"/>), read once when written.</summary>
    public required int StartDay { get; set; }

    /// <summary>When the next stay took over; null for the current one.</summary>
    public DateTimeOffset? End { get; set; }

    /// <summary>Since when the report has been held open (the same for all its rows).</summary>
    public required DateTimeOffset RunStart { get; set; }

    public required DateTimeOffset SubmittedAt { get; set; }

    /// <summary>The current stay has no public answer yet, so it turns late when its deadline passes.</summary>
    public bool Unanswered { get; set; }

    /// <summary>
    /// For the current stay: in which of the month, semester and year of its start the report already counts as late
    /// from an earlier answered stay, for this agency (bits 0, 2, 4) and for the province (bits 1, 3, 5), so it is not
    /// counted twice.
    /// </summary>
    public int LateCounted { get; set; }
}
