using Lapor.Workflows.Calendars;

namespace Lapor.Workflows.Timers;

/// <summary>A timeDuration: fires once, this long after the timer starts.</summary>
public sealed record DurationTimerSchedule(string Text, TimerDuration Duration) : TimerSchedule(Text)
{
    public override TimerKind Kind => TimerKind.Duration;

    public override DateTimeOffset FirstDue(DateTimeOffset now, BusinessCalendar calendar) =>
        Duration.AddTo(now, calendar);
}
