using Lapor.Workflows.Calendars;
using Quartz;

namespace Lapor.Workflows.Timers;

/// <summary>A timeCycle written as a Quartz cron expression, e.g. <c>0 0 9 ? * MON-FRI</c>, read in UTC.</summary>
/// <remarks>
/// UTC keeps a process's schedule independent of the server's zone; write hours in UTC
/// (09:00 WITA is <c>0 0 1 ? * MON-FRI</c>). It fires without end, so <see cref="TimerSchedule.Repetitions"/> is null.
/// </remarks>
public sealed record CronTimerSchedule(string Text) : TimerSchedule(Text)
{
    public override TimerKind Kind => TimerKind.Cycle;

    public override DateTimeOffset FirstDue(DateTimeOffset now, BusinessCalendar calendar) =>
        Expression().GetNextValidTimeAfter(now)
        ?? throw new InvalidOperationException($"The cron expression '{Text}' has no firing time after {now:O}.");

    public override DateTimeOffset? NextDue(DateTimeOffset previousDue, int firesSoFar, BusinessCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firesSoFar);
        return Expression().GetNextValidTimeAfter(previousDue);
    }

    // Built on each use rather than stored, so that the record compares and prints by its text alone.
    private CronExpression Expression() => new(Text, TimeZoneInfo.Utc);
}
