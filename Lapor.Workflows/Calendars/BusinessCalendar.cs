namespace Lapor.Workflows.Calendars;

/// <summary>
/// Counts working days for service-level deadlines: Monday to Friday, minus the holidays it was given,
/// judged by the local date in <see cref="Zone"/> (a complaint filed at 23:30 UTC on Sunday is filed on
/// Monday in Makassar).
/// </summary>
public sealed class BusinessCalendar
{
    // About fourteen years of working days, far beyond any service level: a larger count is almost
    // certainly hours or minutes typed as days, and would otherwise walk the calendar for a long time.
    private const int MaxWorkingDays = 3650;

    private readonly Dictionary<DateOnly, Holiday> _holidays = [];

    // Sorted so that a range of days can be counted with two binary searches instead of a walk.
    private readonly DateOnly[] _weekdayHolidays;

    public BusinessCalendar(IEnumerable<Holiday> holidays, TimeZoneInfo zone)
    {
        ArgumentNullException.ThrowIfNull(holidays);
        ArgumentNullException.ThrowIfNull(zone);
        Zone = zone;
        foreach (var holiday in holidays)
        {
            if (holiday is null)
            {
                throw new ArgumentException("The holiday list contains a null entry.", nameof(holidays));
            }

            if (!_holidays.TryGetValue(holiday.Date, out var existing) || holiday.Kind < existing.Kind)
            {
                _holidays[holiday.Date] = holiday;
            }
        }

        _weekdayHolidays = [.. _holidays.Keys.Where(day => !IsWeekend(day)).Order()];
    }

    /// <summary>The zone whose local dates decide what "today" is.</summary>
    public TimeZoneInfo Zone { get; }

    /// <summary>A Monday-to-Friday calendar with no holidays, for tests and for deployments without holiday files.</summary>
    public static BusinessCalendar Plain(TimeZoneInfo zone) => new([], zone);

    public bool IsWorkingDay(DateOnly day) => !IsWeekend(day) && !_holidays.ContainsKey(day);

    /// <summary>The holiday on <paramref name="day"/>, preferring a national one when files overlap; null on ordinary days and weekends.</summary>
    public Holiday? HolidayOn(DateOnly day) => _holidays.GetValueOrDefault(day);

    /// <summary>
    /// Moves <paramref name="start"/> forward by <paramref name="days"/> working days, keeping its local time of day,
    /// so a complaint received Friday 10:00 with one working day is due Monday 10:00.
    /// </summary>
    /// <remarks>The start day itself never counts, even when it is a working day.</remarks>
    public DateTimeOffset AddWorkingDays(DateTimeOffset start, int days)
    {
        if (days < 0)
        {
            throw new ArgumentOutOfRangeException(
                nameof(days), days, "The number of working days to add cannot be negative.");
        }

        if (days > MaxWorkingDays)
        {
            throw new ArgumentOutOfRangeException(
                nameof(days),
                days,
                $"Adding {days} working days is not supported: the limit is {MaxWorkingDays} (about 14 years). "
                + "Check that the deadline was not given in hours or minutes.");
        }

        if (days == 0)
        {
            return start;
        }

        var local = TimeZoneInfo.ConvertTime(start, Zone).DateTime;
        var date = DateOnly.FromDateTime(local);
        var timeOfDay = TimeOnly.FromDateTime(local);
        var remaining = days;
        while (remaining > 0)
        {
            date = date.AddDays(1);
            if (IsWorkingDay(date))
            {
                remaining--;
            }
        }

        return AtLocalTime(date.ToDateTime(timeOfDay));
    }

    /// <summary>
    /// Working days strictly after <paramref name="from"/>'s local date up to and including <paramref name="to"/>'s,
    /// negative when <paramref name="to"/> is earlier, so an inbox can show "2 working days left" or "3 overdue".
    /// </summary>
    public int WorkingDaysBetween(DateTimeOffset from, DateTimeOffset to)
    {
        var first = LocalDate(from);
        var last = LocalDate(to);
        return first <= last ? CountWorkingDays(first, last) : -CountWorkingDays(last, first);
    }

    /// <summary>The same count from local dates already read, for callers that judge many moments against a few dates.</summary>
    public int WorkingDaysBetween(DateOnly from, DateOnly to) =>
        from <= to ? CountWorkingDays(from, to) : -CountWorkingDays(to, from);

    /// <summary>The local date of <paramref name="instant"/> in <see cref="Zone"/>.</summary>
    public DateOnly DateOf(DateTimeOffset instant) => LocalDate(instant);

    /// <summary>The instant a wall-clock reading in <see cref="Zone"/> stands for, with the zone's offset at that moment.</summary>
    internal DateTimeOffset AtLocalTime(DateTime local)
    {
        local = DateTime.SpecifyKind(local, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            // The clocks skipped this reading: read it with the offset from before the jump, which lands
            // as far past the jump as the reading was into the gap, as a wall clock that was never moved would.
            var before = Zone.GetUtcOffset(local.AddDays(-1));
            return TimeZoneInfo.ConvertTime(new DateTimeOffset(local, before), Zone);
        }

        if (Zone.IsAmbiguousTime(local))
        {
            // The reading happens twice; a deadline should not slip by an hour, so take the first one.
            return new DateTimeOffset(local, Zone.GetAmbiguousTimeOffsets(local).Max());
        }

        return new DateTimeOffset(local, Zone.GetUtcOffset(local));
    }

    private DateOnly LocalDate(DateTimeOffset instant) =>
        DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(instant, Zone).DateTime);

    private int CountWorkingDays(DateOnly after, DateOnly through) =>
        WeekdaysThrough(through) - WeekdaysThrough(after)
        - (WeekdayHolidaysThrough(through) - WeekdayHolidaysThrough(after));

    private int WeekdayHolidaysThrough(DateOnly day)
    {
        var index = Array.BinarySearch(_weekdayHolidays, day);
        return index >= 0 ? index + 1 : ~index;
    }

    // DayNumber 0 (1 January 0001) was a Monday, so each run of seven day numbers starts with five weekdays.
    private static int WeekdaysThrough(DateOnly day)
    {
        var count = day.DayNumber + 1;
        return count / 7 * 5 + Math.Min(count % 7, 5);
    }

    private static bool IsWeekend(DateOnly day) => day.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
}
