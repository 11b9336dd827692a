using Lapor.Workflows.Calendars;

namespace Lapor.Workflows.Timers;

/// <summary>A timeDate: fires once at a fixed instant.</summary>
public sealed record DateTimerSchedule(string Text, DateTimeOffset At) : TimerSchedule(Text)
{
    public override TimerKind Kind => TimerKind.Date;

    public override DateTimeOffset FirstDue(DateTimeOffset now, BusinessCalendar calendar) => At;
}
