namespace Lapor.Host.Audit.Performance;

/// <summary>
/// A moment at which a report can count in a period's figures (decision 033). Not stored since decision 035: the marks
/// say which periods a report's tallies are counted in and which months it is listed under (<see cref="PerformanceMonth"/>).
/// </summary>
public sealed record PerformanceMark(Guid ReportId, PerformanceMarkKind Kind, DateTimeOffset At);
