using System.Globalization;
using System.Text;
using Lapor.Workflows.Calendars;

namespace Lapor.Workflows.Timers;

/// <summary>
/// A parsed ISO 8601 duration such as <c>P1M</c> or <c>PT10M</c>, or the Lapor working-day
/// duration <c>P5WD</c>. Create one with <see cref="TimerParser"/>.
/// </summary>
public sealed record TimerDuration
{
    private TimerDuration(int years, int months, int weeks, int days, TimeSpan time, int? workingDays)
    {
        Years = years;
        Months = months;
        Weeks = weeks;
        Days = days;
        Time = time;
        WorkingDays = workingDays;
    }

    public int Years { get; }

    public int Months { get; }

    public int Weeks { get; }

    /// <summary>Calendar days: weekends and holidays count.</summary>
    public int Days { get; }

    /// <summary>The exact hours, minutes and seconds after the date parts.</summary>
    public TimeSpan Time { get; }

    /// <summary>Set only for the <c>P&lt;n&gt;WD</c> form, which cannot be combined with other parts.</summary>
    public int? WorkingDays { get; }

    public bool IsZero => WorkingDays is null
        ? Years == 0 && Months == 0 && Weeks == 0 && Days == 0 && Time == TimeSpan.Zero
        : WorkingDays == 0;

    internal static TimerDuration Calendar(int years, int months, int weeks, int days, TimeSpan time) =>
        new(years, months, weeks, days, time, null);

    internal static TimerDuration OfWorkingDays(int days) => new(0, 0, 0, 0, TimeSpan.Zero, days);

    /// <summary>The instant this long after <paramref name="instant"/>.</summary>
    /// <remarks>
    /// Years, months and days are counted on the local calendar of <paramref name="calendar"/>'s zone, because that is
    /// the calendar the officers read: one month from 31 January 23:00 WITA is the end of February there, whatever
    /// the date was in UTC. Hours, minutes and seconds are elapsed time.
    /// </remarks>
    public DateTimeOffset AddTo(DateTimeOffset instant, BusinessCalendar calendar)
    {
        ArgumentNullException.ThrowIfNull(calendar);
        if (WorkingDays is { } workingDays)
        {
            return calendar.AddWorkingDays(instant, workingDays);
        }

        var local = TimeZoneInfo.ConvertTime(instant, calendar.Zone);
        var dated = local.AddYears(Years).AddMonths(Months).AddDays(7 * Weeks + Days);
        var resolved = dated == local ? local : calendar.AtLocalTime(dated.DateTime);
        return TimeZoneInfo.ConvertTime(resolved + Time, calendar.Zone);
    }

    /// <summary>The duration in the notation it was parsed from, e.g. <c>P1DT2H</c> or <c>P5WD</c>.</summary>
    public override string ToString()
    {
        if (WorkingDays is { } workingDays)
        {
            return $"P{workingDays}WD";
        }

        var text = new StringBuilder("P");
        Append(text, Years, 'Y');
        Append(text, Months, 'M');
        Append(text, Weeks, 'W');
        Append(text, Days, 'D');
        if (Time != TimeSpan.Zero)
        {
            text.Append('T');
            Append(text, (long)Time.TotalHours, 'H');
            Append(text, Time.Minutes, 'M');
            var seconds = Time.Seconds + Time.Ticks % TimeSpan.TicksPerSecond / (decimal)TimeSpan.TicksPerSecond;
            if (seconds != 0)
            {
                text.Append(seconds.ToString("0.#######", CultureInfo.InvariantCulture)).Append('S');
            }
        }

        return text.Length == 1 ? "PT0S" : text.ToString();
    }

    private static void Append(StringBuilder text, long value, char designator)
    {
        if (value != 0)
        {
            text.Append(value.ToString(CultureInfo.InvariantCulture)).Append(designator);
        }
    }
}
