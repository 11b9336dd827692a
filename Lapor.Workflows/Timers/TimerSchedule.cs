using Lapor.Workflows.Calendars;

namespace Lapor.Workflows.Timers;

/// <summary>
/// When a BPMN timer fires, parsed by <see cref="TimerParser"/> from the text of its timeDate,
/// timeDuration or timeCycle once any expression in it has been evaluated.
/// </summary>
/// <param name="Text">The text it was parsed from, without surrounding white space, for logs and error messages.</param>
public abstract record TimerSchedule(string Text)
{
    public abstract TimerKind Kind { get; }

    /// <summary>Whether the timer may fire more than once, so callers should ask <see cref="NextDue"/> after each firing.</summary>
    public bool IsCycle => Kind == TimerKind.Cycle;

    /// <summary>How many times a cycle fires in total; null when it repeats without end, and for one-shot timers.</summary>
    public virtual int? Repetitions => null;

    /// <summary>When the timer first fires if it is started at <paramref name="now"/>; may lie in the past for a fixed date.</summary>
    public abstract DateTimeOffset FirstDue(DateTimeOffset now, BusinessCalendar calendar);

    /// <summary>
    /// When the timer fires next after firing at <paramref name="previousDue"/>, having fired
    /// <paramref name="firesSoFar"/> times in all; null when it is done.
    /// </summary>
    public virtual DateTimeOffset? NextDue(DateTimeOffset previousDue, int firesSoFar, BusinessCalendar calendar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(firesSoFar);
        return null;
    }
}
