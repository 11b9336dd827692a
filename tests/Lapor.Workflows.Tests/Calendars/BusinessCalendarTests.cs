using Lapor.Workflows.Calendars;

namespace Lapor.Workflows.Tests.Calendars;

public sealed class BusinessCalendarTests
{
    private static readonly TimeSpan WitaOffset = TimeSpan.FromHours(8);
    private static readonly BusinessCalendar Plain = BusinessCalendar.Plain(CalendarZones.Wita);

    private static DateTimeOffset Wita(int year, int month, int day, int hour, int minute = 0) =>
        new(year, month, day, hour, minute, 0, WitaOffset);

    [Fact]
    public void AddingOneWorkingDayOnFriday_LandsOnMondayAtTheSameTime()
    {
        var friday = Wita(2026, 3, 6, 10);

        Assert.Equal(Wita(2026, 3, 9, 10), Plain.AddWorkingDays(friday, 1));
    }

    [Fact]
    public void AddingOneWorkingDayOnSaturday_LandsOnMonday()
    {
        var saturday = Wita(2026, 3, 7, 15, 45);

        Assert.Equal(Wita(2026, 3, 9, 15, 45), Plain.AddWorkingDays(saturday, 1));
    }

    [Fact]
    public void AddingTenWorkingDays_SpansTwoWeekends()
    {
        var monday = Wita(2026, 3, 2, 8);

        Assert.Equal(Wita(2026, 3, 16, 8), Plain.AddWorkingDays(monday, 10));
    }

    [Fact]
    public void AddingZeroWorkingDays_ReturnsTheStartUnchanged()
    {
        var sundayInUtc = new DateTimeOffset(2026, 3, 8, 3, 0, 0, TimeSpan.Zero);

        var result = Plain.AddWorkingDays(sundayInUtc, 0);

        Assert.Equal(sundayInUtc, result);
        Assert.Equal(TimeSpan.Zero, result.Offset);
    }

    [Fact]
    public void AddingWorkingDaysToAUtcStart_AnswersInTheCalendarZone()
    {
        var fridayTenWita = new DateTimeOffset(2026, 3, 6, 2, 0, 0, TimeSpan.Zero);

        var result = Plain.AddWorkingDays(fridayTenWita, 1);

        Assert.Equal(WitaOffset, result.Offset);
        Assert.Equal(new DateTime(2026, 3, 9, 10, 0, 0), result.DateTime);
    }

    [Fact]
    public void AddingNegativeWorkingDays_Throws()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => Plain.AddWorkingDays(Wita(2026, 3, 6, 10), -1));
    }

    [Fact]
    public void AddingMoreThan3650WorkingDays_ThrowsAndNamesTheLimit()
    {
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => Plain.AddWorkingDays(Wita(2026, 3, 6, 10), 3651));

        Assert.Contains("3650", error.Message);
        Assert.Equal("days", error.ParamName);
    }

    [Fact]
    public void Adding3650WorkingDays_IsStillAllowed()
    {
        var start = Wita(2026, 3, 6, 10);

        var result = Plain.AddWorkingDays(start, 3650);

        Assert.Equal(3650, Plain.WorkingDaysBetween(start, result));
    }

    [Theory]
    [InlineData(2026, 3, 7)]
    [InlineData(2026, 3, 8)]
    public void WeekendDays_AreNotWorkingDays(int year, int month, int day)
    {
        Assert.False(Plain.IsWorkingDay(new DateOnly(year, month, day)));
    }

    [Fact]
    public void AnOrdinaryWednesday_IsAWorkingDay()
    {
        Assert.True(Plain.IsWorkingDay(new DateOnly(2026, 3, 11)));
    }

    [Fact]
    public void ThePlainCalendar_IgnoresHolidays()
    {
        var nyepi = new DateOnly(2026, 3, 19);

        Assert.True(Plain.IsWorkingDay(nyepi));
        Assert.Null(Plain.HolidayOn(nyepi));
    }

    [Fact]
    public void FiveWorkingDaysFromTheDayBeforeNyepi2026_SkipNyepiIdulFitriAndCutiBersama()
    {
        var calendar = ShippedCalendars.National();
        var created = Wita(2026, 3, 18, 10);

        var due = calendar.AddWorkingDays(created, 5);

        // 19 Nyepi, 20 cuti bersama, 21–22 Idulfitri (a weekend), 23–24 cuti bersama; then 25, 26, 27, 30, 31.
        Assert.Equal(Wita(2026, 3, 31, 10), due);
    }

    [Fact]
    public void TheShippedNationalCalendar_NamesNyepiAndMarksCutiBersama()
    {
        var calendar = ShippedCalendars.National();

        Assert.Contains("Nyepi", calendar.HolidayOn(new DateOnly(2026, 3, 19))?.Name);
        Assert.Equal(HolidayKind.CutiBersama, calendar.HolidayOn(new DateOnly(2026, 3, 23))?.Kind);
        Assert.False(calendar.IsWorkingDay(new DateOnly(2026, 3, 24)));
        Assert.True(calendar.IsWorkingDay(new DateOnly(2026, 3, 25)));
    }

    [Fact]
    public void Galungan2026_IsNotAWorkingDayWithTheBaliFilesLoaded()
    {
        var galungan = new DateOnly(2026, 6, 17);
        var calendar = ShippedCalendars.NationalAndBali();

        Assert.False(calendar.IsWorkingDay(galungan));
        Assert.Equal(new Holiday(galungan, "Hari Raya Galungan", HolidayKind.Regional, "bali"), calendar.HolidayOn(galungan));
    }

    [Fact]
    public void Galungan2026_IsAWorkingDayWithTheNationalFilesOnly()
    {
        var galungan = new DateOnly(2026, 6, 17);

        Assert.True(ShippedCalendars.National().IsWorkingDay(galungan));
    }

    [Fact]
    public void WhenFilesNameTheSameDate_HolidayOnReportsTheNationalKind()
    {
        var day = new DateOnly(2026, 3, 20);
        Holiday[] holidays =
        [
            new(day, "Ngembak Geni", HolidayKind.Regional, "bali"),
            new(day, "Cuti bersama Idulfitri", HolidayKind.CutiBersama, null),
        ];

        var calendar = new BusinessCalendar(holidays, CalendarZones.Wita);

        Assert.Equal(HolidayKind.CutiBersama, calendar.HolidayOn(day)?.Kind);
        Assert.False(calendar.IsWorkingDay(day));
    }

    [Fact]
    public void WorkingDaysBetweenMondayAndFriday_IsFour()
    {
        Assert.Equal(4, Plain.WorkingDaysBetween(Wita(2026, 3, 2, 17), Wita(2026, 3, 6, 8)));
    }

    [Fact]
    public void WorkingDaysBetweenTwoTimesOnTheSameDay_IsZero()
    {
        Assert.Equal(0, Plain.WorkingDaysBetween(Wita(2026, 3, 4, 16), Wita(2026, 3, 4, 9)));
    }

    [Fact]
    public void WorkingDaysBetweenSaturdayAndSunday_IsZero()
    {
        Assert.Equal(0, Plain.WorkingDaysBetween(Wita(2026, 3, 7, 9), Wita(2026, 3, 8, 9)));
    }

    [Fact]
    public void WorkingDaysBetweenALaterAndAnEarlierDate_IsNegative()
    {
        var thursday = Wita(2026, 3, 12, 9);
        var previousMonday = Wita(2026, 3, 9, 9);

        Assert.Equal(-3, Plain.WorkingDaysBetween(thursday, previousMonday));
        Assert.Equal(3, Plain.WorkingDaysBetween(previousMonday, thursday));
    }

    [Fact]
    public void WorkingDaysBetween_SkipsHolidays()
    {
        var calendar = ShippedCalendars.National();

        Assert.Equal(5, calendar.WorkingDaysBetween(Wita(2026, 3, 18, 10), Wita(2026, 3, 31, 10)));
        Assert.Equal(-5, calendar.WorkingDaysBetween(Wita(2026, 3, 31, 10), Wita(2026, 3, 18, 10)));
    }

    [Fact]
    public void WorkingDaysBetween_AgreesWithCountingDayByDay()
    {
        var calendar = ShippedCalendars.NationalAndBali();
        var origin = new DateOnly(2025, 12, 20);
        var random = new Random(20260318);
        for (var i = 0; i < 300; i++)
        {
            var from = origin.AddDays(random.Next(0, 800));
            var to = origin.AddDays(random.Next(0, 800));
            var expected = 0;
            for (var day = from.AddDays(1); day <= to; day = day.AddDays(1))
            {
                expected += calendar.IsWorkingDay(day) ? 1 : 0;
            }

            for (var day = to.AddDays(1); day <= from; day = day.AddDays(1))
            {
                expected -= calendar.IsWorkingDay(day) ? 1 : 0;
            }

            var actual = calendar.WorkingDaysBetween(
                new DateTimeOffset(from.ToDateTime(new TimeOnly(12, 0)), WitaOffset),
                new DateTimeOffset(to.ToDateTime(new TimeOnly(12, 0)), WitaOffset));
            Assert.True(expected == actual, $"from {from} to {to}: expected {expected}, got {actual}");
        }
    }

    [Fact]
    public void HalfPastElevenOnSundayEveningUtc_IsMondayMorningInWita()
    {
        var sundayLateUtc = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(0, Plain.WorkingDaysBetween(sundayLateUtc, Wita(2026, 3, 2, 12)));
        Assert.Equal(Wita(2026, 3, 3, 7, 30), Plain.AddWorkingDays(sundayLateUtc, 1));
    }

    [Fact]
    public void TheSameUtcInstant_FallsOnSundayInACalendarKeptInUtc()
    {
        var utcCalendar = BusinessCalendar.Plain(TimeZoneInfo.Utc);
        var sundayLateUtc = new DateTimeOffset(2026, 3, 1, 23, 30, 0, TimeSpan.Zero);

        Assert.Equal(new DateTimeOffset(2026, 3, 2, 23, 30, 0, TimeSpan.Zero), utcCalendar.AddWorkingDays(sundayLateUtc, 1));
    }

    [Fact]
    public void IndonesianZones_HaveTheirFixedOffsets()
    {
        var instant = new DateTimeOffset(2026, 7, 1, 0, 0, 0, TimeSpan.Zero);

        Assert.Equal(TimeSpan.FromHours(7), CalendarZones.Wib.GetUtcOffset(instant));
        Assert.Equal(TimeSpan.FromHours(8), CalendarZones.Wita.GetUtcOffset(instant));
        Assert.Equal(TimeSpan.FromHours(9), CalendarZones.Wit.GetUtcOffset(instant));
    }
}
