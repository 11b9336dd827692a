namespace Lapor.Host.Audit.Performance;

/// <summary>One month of the dashboard's trend chart: the province's intake, completions and on-time share.</summary>
public sealed record TrendPoint(Period Period, int Received, int Completed, double? OnTimeShare);
