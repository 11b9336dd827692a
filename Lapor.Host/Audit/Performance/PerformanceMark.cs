namespace Lapor.Host.Audit.Performance;

/// <summary>
/// One row of the dashboard's reporting table: a moment at which a report can count in a period's figures. The marks
/// only choose which reports a period reads; the figures themselves are still computed from the reports' timelines by
/// <see cref="PerformanceCalculator"/>, so their meaning cannot drift (decision 033).
/// </summary>
public sealed record PerformanceMark(Guid ReportId, PerformanceMarkKind Kind, DateTimeOffset At);
