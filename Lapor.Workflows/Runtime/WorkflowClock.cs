namespace Lapor.Workflows.Runtime;

/// <summary>Times as rows store them: UTC, cut to microseconds (what PostgreSQL keeps), so hashes survive a round trip.</summary>
internal static class WorkflowClock
{
    public static DateTime Utc(DateTimeOffset time) => History.HistoryHash.Truncate(time);

    public static DateTimeOffset Offset(DateTime utc) => new(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
