using Lapor.Workflows.Calendars;

namespace Lapor.Workflows.Timers;

/// <summary>
/// A timeCycle written as an ISO 8601 repeating interval: <c>R/PT1H</c>, <c>R3/P1WD</c> or
/// <c>R3/2026-03-18T09:00:00+08:00/P1D</c>.
/// </summary>
public sealed record RepeatingTimerSchedule : TimerSchedule
{
    public RepeatingTimerSchedule(string text, int? repetitions, DateTimeOffset? start, TimerDuration interval)
        : base(text)
    {
        ArgumentNullException.ThrowIfNull(interval);
        if (repetitions < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(repetitions), repetitions, "A cycle must fire at least once.");
        }

        if (interval.IsZero)
        {
            throw new ArgumentException("A cycle with a zero interval would fire without pause.", nameof(interval));
        }

        Repetitions = repetitions;
        Start = start;
        Interval = interval;
    }

    public override TimerKind Kind => TimerKind.Cycle;

    public override int? Repetitions { get; }

    /// <summary>When the first firing happens; null means one interval after the timer starts.</summary>
    public DateTimeOffset? Start { get; }

    public TimerDuration Interval { get; }

    public override DateTimeOffset FirstDue(DateTimeOffset now, BusinessCalendar calendar) =>
        Start ?? Interval.AddTo(now, calendar);

    public override DateTimeOffset? NextDue(DateTimeOffset previousDue, int firesSoFar, BusinessCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firesSoFar);
        return firesSoFar >= Repetitions ? null : Interval.AddTo(previousDue, calendar);
    }
}
