using Lapor.Workflows.Calendars;
using Lapor.Workflows.Timers;
using Lapor.Workflows.Tests.Calendars;

namespace Lapor.Workflows.Tests.Timers;

public sealed class TimerScheduleTests
{
    private static readonly TimeSpan WitaOffset = TimeSpan.FromHours(8);
    private static readonly BusinessCalendar Plain = BusinessCalendar.Plain(CalendarZones.Wita);

    [Fact]
    public void ACycleOfThree_FiresThreeTimesAndThenStops()
    {
        var schedule = TimerParser.Parse(TimerKind.Cycle, "R3/PT10M");
        var now = new DateTimeOffset(2026, 3, 6, 10, 0, 0, WitaOffset);

        var first = schedule.FirstDue(now, Plain);
        var second = schedule.NextDue(first, 1, Plain);
        var third = second is { } s ? schedule.NextDue(s, 2, Plain) : null;
        var fourth = third is { } t ? schedule.NextDue(t, 3, Plain) : null;

        Assert.Equal([now.AddMinutes(10), now.AddMinutes(20), now.AddMinutes(30)], [first, second!.Value, third!.Value]);
        Assert.Null(fourth);
    }

    [Fact]
    public void ACycleOfOne_NeverHasASecondFiring()
    {
        var schedule = TimerParser.Parse(TimerKind.Cycle, "R1/PT10M");

        Assert.Null(schedule.NextDue(new DateTimeOffset(2026, 3, 6, 10, 0, 0, WitaOffset), 1, Plain));
    }

    [Fact]
    public void ADailyWorkingDayReminder_SkipsTheWeekend()
    {
        var schedule = TimerParser.Parse(TimerKind.Cycle, "R5/P1WD");
        var friday = new DateTimeOffset(2026, 3, 6, 9, 0, 0, WitaOffset);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, WitaOffset), schedule.NextDue(friday, 1, Plain));
    }

    [Fact]
    public void FiveWorkingDaysAroundNyepi2026_UseTheShippedHolidays()
    {
        var schedule = TimerParser.Parse(TimerKind.Duration, "P5WD");
        var created = new DateTimeOffset(2026, 3, 18, 10, 0, 0, WitaOffset);

        var due = schedule.FirstDue(created, ShippedCalendars.National());

        Assert.Equal(new DateTimeOffset(2026, 3, 31, 10, 0, 0, WitaOffset), due);
    }

    [Fact]
    public void AWeekdayCron_FiresNextOnMondayInUtc()
    {
        var schedule = TimerParser.Parse(TimerKind.Cycle, "0 0 9 ? * MON-FRI");
        var fridayAfterNine = new DateTimeOffset(2026, 3, 6, 9, 30, 0, TimeSpan.Zero);

        var first = schedule.FirstDue(fridayAfterNine, Plain);
        var second = schedule.NextDue(first, 1, Plain);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 9, 0, 0, TimeSpan.Zero), first);
        Assert.Equal(new DateTimeOffset(2026, 3, 10, 9, 0, 0, TimeSpan.Zero), second);
    }

    [Fact]
    public void ACronIsReadInUtcWhateverTheCalendarZone()
    {
        var schedule = TimerParser.Parse(TimerKind.Cycle, "0 0 1 * * ?");
        var calendar = BusinessCalendar.Plain(CalendarZones.Wit);

        var due = schedule.FirstDue(new DateTimeOffset(2026, 3, 6, 0, 0, 0, TimeSpan.Zero), calendar);

        Assert.Equal(new DateTimeOffset(2026, 3, 6, 1, 0, 0, TimeSpan.Zero), due);
    }

    [Fact]
    public void ACronLimitedToOneYear_StopsAfterItsLastFiring()
    {
        var schedule = TimerParser.Parse(TimerKind.Cycle, "0 0 9 31 DEC ? 2026");
        var last = new DateTimeOffset(2026, 12, 31, 9, 0, 0, TimeSpan.Zero);

        Assert.Equal(last, schedule.FirstDue(new DateTimeOffset(2026, 12, 1, 0, 0, 0, TimeSpan.Zero), Plain));
        Assert.Null(schedule.NextDue(last, 1, Plain));
        Assert.Throws<InvalidOperationException>(() => schedule.FirstDue(last, Plain));
    }

    [Fact]
    public void NextDue_RejectsANegativeFiringCount()
    {
        var schedule = TimerParser.Parse(TimerKind.Cycle, "R3/PT10M");

        Assert.Throws<ArgumentOutOfRangeException>(
            () => schedule.NextDue(new DateTimeOffset(2026, 3, 6, 10, 0, 0, WitaOffset), -1, Plain));
    }

    [Fact]
    public void SchedulesParsedFromTheSameText_AreEqual()
    {
        Assert.Equal(TimerParser.Parse(TimerKind.Cycle, "R3/P1DT2H"), TimerParser.Parse(TimerKind.Cycle, "R3/P1DT2H"));
        Assert.NotEqual(TimerParser.Parse(TimerKind.Cycle, "R3/P1D"), TimerParser.Parse(TimerKind.Cycle, "R4/P1D"));
    }
}
