using Lapor.Workflows.Calendars;
using Lapor.Workflows.Timers;

namespace Lapor.Workflows.Tests.Timers;

public sealed class TimerParserTests
{
    private static readonly TimeSpan WitaOffset = TimeSpan.FromHours(8);
    private static readonly BusinessCalendar Plain = BusinessCalendar.Plain(CalendarZones.Wita);
    private static readonly DateTimeOffset FridayMorning = new(2026, 3, 6, 10, 0, 0, WitaOffset);

    [Fact]
    public void ADateWithAnOffset_FiresOnceAtThatInstant()
    {
        var schedule = TimerParser.Parse(TimerKind.Date, "2026-03-18T09:00:00+08:00");

        Assert.Equal(new DateTimeOffset(2026, 3, 18, 1, 0, 0, TimeSpan.Zero), schedule.FirstDue(FridayMorning, Plain));
        Assert.False(schedule.IsCycle);
        Assert.Null(schedule.Repetitions);
        Assert.Null(schedule.NextDue(schedule.FirstDue(FridayMorning, Plain), 1, Plain));
    }

    [Theory]
    [InlineData("2026-03-18T01:00:00Z", 0)]
    [InlineData("2026-03-18T01:00Z", 0)]
    [InlineData("2026-03-18T01:00:00.250Z", 250)]
    [InlineData("2026-03-18T01:00:00,250Z", 250)]
    [InlineData("2026-03-18T10:00:00+0900", 0)]
    [InlineData("2026-03-18T08:00:00+07", 0)]
    public void DateTimesInOtherIsoSpellings_AreAccepted(string text, int milliseconds)
    {
        var schedule = Assert.IsType<DateTimerSchedule>(TimerParser.Parse(TimerKind.Date, text));

        Assert.Equal(new DateTimeOffset(2026, 3, 18, 1, 0, 0, milliseconds, TimeSpan.Zero), schedule.At);
    }

    [Fact]
    public void ADateWithoutAnOffset_IsRejectedAndTheMessageSuggestsOne()
    {
        Assert.False(TimerParser.TryParse(TimerKind.Date, "2026-03-18T09:00:00", out var schedule, out var error));

        Assert.Null(schedule);
        Assert.Equal(
            "'2026-03-18T09:00:00' has no UTC offset, so the moment it names depends on the server's zone; "
            + "add one, e.g. 2026-03-18T09:00:00+08:00 for WITA or 2026-03-18T09:00:00Z for UTC",
            error);
    }

    [Fact]
    public void ADateWithoutATime_IsRejected()
    {
        var error = Assert.Throws<FormatException>(() => TimerParser.Parse(TimerKind.Date, "2026-03-18"));

        Assert.Contains("is a date without a time", error.Message);
    }

    [Fact]
    public void AnImpossibleDate_IsRejected()
    {
        var error = Assert.Throws<FormatException>(() => TimerParser.Parse(TimerKind.Date, "2026-02-30T09:00:00Z"));

        Assert.StartsWith("'2026-02-30T09:00:00Z' is not a real date-time", error.Message);
    }

    [Fact]
    public void TextThatIsNoDate_IsRejected()
    {
        var error = Assert.Throws<FormatException>(() => TimerParser.Parse(TimerKind.Date, "next monday"));

        Assert.Equal("'next monday' is not an ISO 8601 date-time (expected e.g. 2026-03-18T09:00:00+08:00 or 2026-03-18T01:00:00Z)", error.Message);
    }

    [Fact]
    public void TenMinutes_IsDueTenMinutesAfterStarting()
    {
        var schedule = TimerParser.Parse(TimerKind.Duration, "PT10M");

        Assert.Equal(FridayMorning.AddMinutes(10), schedule.FirstDue(FridayMorning, Plain));
        Assert.False(schedule.IsCycle);
    }

    [Fact]
    public void FiveDays_AreCalendarDaysThatIncludeTheWeekend()
    {
        var schedule = TimerParser.Parse(TimerKind.Duration, "P5D");

        Assert.Equal(new DateTimeOffset(2026, 3, 11, 10, 0, 0, WitaOffset), schedule.FirstDue(FridayMorning, Plain));
    }

    [Fact]
    public void FiveWorkingDays_SkipTheWeekend()
    {
        var schedule = TimerParser.Parse(TimerKind.Duration, "P5WD");

        Assert.Equal(new DateTimeOffset(2026, 3, 13, 10, 0, 0, WitaOffset), schedule.FirstDue(FridayMorning, Plain));
        Assert.Equal(5, Assert.IsType<DurationTimerSchedule>(schedule).Duration.WorkingDays);
    }

    [Fact]
    public void TwoWorkingDaysFromThursday_LandOnMonday()
    {
        var thursday = new DateTimeOffset(2026, 3, 5, 14, 30, 0, WitaOffset);

        var due = TimerParser.Parse(TimerKind.Duration, "P2WD").FirstDue(thursday, Plain);

        Assert.Equal(new DateTimeOffset(2026, 3, 9, 14, 30, 0, WitaOffset), due);
    }

    [Fact]
    public void AFullDuration_KeepsEveryPart()
    {
        var schedule = Assert.IsType<DurationTimerSchedule>(TimerParser.Parse(TimerKind.Duration, "P1Y2M3W4DT5H6M7.5S"));

        var duration = schedule.Duration;
        Assert.Equal((1, 2, 3, 4), (duration.Years, duration.Months, duration.Weeks, duration.Days));
        Assert.Equal(new TimeSpan(0, 5, 6, 7, 500), duration.Time);
        Assert.Null(duration.WorkingDays);
        Assert.Equal("P1Y2M3W4DT5H6M7.5S", duration.ToString());
    }

    [Fact]
    public void OneMonthFromTheThirtyFirstOfJanuary_IsTheLastDayOfFebruaryInTheCalendarZone()
    {
        var lateOnJanuary31Wita = new DateTimeOffset(2026, 1, 30, 16, 0, 0, TimeSpan.Zero);

        var due = TimerParser.Parse(TimerKind.Duration, "P1M").FirstDue(lateOnJanuary31Wita, Plain);

        Assert.Equal(new DateTimeOffset(2026, 2, 28, 0, 0, 0, WitaOffset), due);
    }

    [Theory]
    [InlineData("PT0.5S", 500)]
    [InlineData("PT0,25S", 250)]
    [InlineData("PT1M30S", 90_000)]
    public void FractionalSeconds_AreAccepted(string text, int milliseconds)
    {
        var due = TimerParser.Parse(TimerKind.Duration, text).FirstDue(FridayMorning, Plain);

        Assert.Equal(FridayMorning.AddMilliseconds(milliseconds), due);
    }

    [Fact]
    public void AnUnknownDesignator_IsRejectedWithTheExpectedForms()
    {
        Assert.False(TimerParser.TryParse(TimerKind.Duration, "P5X", out _, out var error));

        Assert.Equal("'P5X' is not an ISO 8601 duration (expected e.g. PT10M, P5D, or P5WD for working days)", error);
    }

    [Theory]
    [InlineData("P", "is not an ISO 8601 duration")]
    [InlineData("PT", "is not an ISO 8601 duration")]
    [InlineData("P1DT", "is not an ISO 8601 duration")]
    [InlineData("5 days", "is not an ISO 8601 duration")]
    [InlineData("pt10m", "is not an ISO 8601 duration")]
    [InlineData("P1.5D", "only seconds may have one")]
    [InlineData("-P1D", "is negative")]
    [InlineData("P1WDT2H", "write P<n>WD alone")]
    [InlineData("P3651WD", "more than 3650 working days")]
    [InlineData("PT99999999999H", "too large")]
    [InlineData("P20000Y", "longer than any calendar can count")]
    public void MalformedDurations_AreRejectedWithAReason(string text, string reason)
    {
        var error = Assert.Throws<FormatException>(() => TimerParser.Parse(TimerKind.Duration, text));

        Assert.StartsWith($"'{text}'", error.Message);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void EmptyText_IsRejected()
    {
        Assert.False(TimerParser.TryParse(TimerKind.Duration, "   ", out _, out var error));

        Assert.Equal("The timer duration is empty", error);
    }

    [Fact]
    public void SurroundingWhiteSpace_IsIgnored()
    {
        var schedule = TimerParser.Parse(TimerKind.Duration, "  PT10M\n");

        Assert.Equal("PT10M", schedule.Text);
    }

    [Fact]
    public void ACountedCycle_KnowsItsRepetitions()
    {
        var schedule = Assert.IsType<RepeatingTimerSchedule>(TimerParser.Parse(TimerKind.Cycle, "R3/PT10M"));

        Assert.True(schedule.IsCycle);
        Assert.Equal(3, schedule.Repetitions);
        Assert.Null(schedule.Start);
        Assert.Equal(FridayMorning.AddMinutes(10), schedule.FirstDue(FridayMorning, Plain));
    }

    [Fact]
    public void ACycleWithoutACount_RepeatsWithoutEnd()
    {
        var schedule = TimerParser.Parse(TimerKind.Cycle, "R/PT1H");

        Assert.True(schedule.IsCycle);
        Assert.Null(schedule.Repetitions);
        Assert.Equal(FridayMorning.AddHours(1001), schedule.NextDue(FridayMorning.AddHours(1000), 1000, Plain));
    }

    [Fact]
    public void ACycleWithAStart_FirstFiresAtTheStart()
    {
        var schedule = Assert.IsType<RepeatingTimerSchedule>(
            TimerParser.Parse(TimerKind.Cycle, "R2/2026-03-18T09:00:00+08:00/P1D"));
        var start = new DateTimeOffset(2026, 3, 18, 9, 0, 0, WitaOffset);

        Assert.Equal(start, schedule.Start);
        Assert.Equal(start, schedule.FirstDue(FridayMorning, Plain));
        Assert.Equal(start.AddDays(1), schedule.NextDue(start, 1, Plain));
    }

    [Fact]
    public void ACronExpression_IsACycleWithoutACount()
    {
        var schedule = TimerParser.Parse(TimerKind.Cycle, "0 0 9 ? * MON-FRI");

        Assert.IsType<CronTimerSchedule>(schedule);
        Assert.True(schedule.IsCycle);
        Assert.Null(schedule.Repetitions);
    }

    [Theory]
    [InlineData("R0/PT1H", "repeats zero times")]
    [InlineData("R3/PT0S", "would fire without pause")]
    [InlineData("Rx/PT1H", "not a repetition count")]
    [InlineData("R99999999999/PT1H", "too many")]
    [InlineData("R3/P5X", "has a bad interval: 'P5X' is not an ISO 8601 duration")]
    [InlineData("R3/PT1H/2026-03-18T09:00:00Z", "only R<n>/<duration> and R<n>/<start>/<duration> are supported")]
    [InlineData("R3/2026-03-18T09:00:00Z", "has a date where the interval belongs")]
    [InlineData("R3/2026-03-18T09:00:00/PT1H", "has a bad start: '2026-03-18T09:00:00' has no UTC offset")]
    [InlineData("R3/a/b/c", "has 3 parts after the repetition count")]
    [InlineData("* * * *", "nor a valid Quartz cron expression")]
    [InlineData("0 0 25 * * ?", "nor a valid Quartz cron expression")]
    public void MalformedCycles_AreRejectedWithAReason(string text, string reason)
    {
        Assert.False(TimerParser.TryParse(TimerKind.Cycle, text, out var schedule, out var error));

        Assert.Null(schedule);
        Assert.StartsWith($"'{text}'", error);
        Assert.Contains(reason, error);
    }

    [Fact]
    public void ParseAndTryParse_GiveTheSameMessage()
    {
        TimerParser.TryParse(TimerKind.Cycle, "R0/PT1H", out _, out var error);

        var thrown = Assert.Throws<FormatException>(() => TimerParser.Parse(TimerKind.Cycle, "R0/PT1H"));

        Assert.Equal(error, thrown.Message);
    }
}
