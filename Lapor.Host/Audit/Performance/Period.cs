using System.Globalization;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// A reporting period in local dates: a month ("2027-03"), a semester ("2027-S1", January–June) or a year ("2027").
/// Its bounds are midnight in the business calendar's zone, so a report filed at 00:30 WITA on 1 July belongs to
/// the second semester whatever the server's zone is.
/// </summary>
public sealed record Period(PeriodKind Kind, int Year, int Index)
{
    public DateOnly FirstDay => Kind switch
    {
        PeriodKind.Month => new DateOnly(Year, Index, 1),
        PeriodKind.Semester => new DateOnly(Year, Index == 1 ? 1 : 7, 1),
        _ => new DateOnly(Year, 1, 1),
    };

    /// <summary>The first day after the period.</summary>
    public DateOnly EndDay => Kind switch
    {
        PeriodKind.Month => FirstDay.AddMonths(1),
        PeriodKind.Semester => FirstDay.AddMonths(6),
        _ => FirstDay.AddYears(1),
    };

    public string Code => Kind switch
    {
        PeriodKind.Month => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-{Index:D2}"),
        PeriodKind.Semester => string.Create(CultureInfo.InvariantCulture, $"{Year:D4}-S{Index}"),
        _ => Year.ToString("D4", CultureInfo.InvariantCulture),
    };

    public static Period Month(int year, int month) => new(PeriodKind.Month, year, month);

    public static Period Semester(int year, int half) => new(PeriodKind.Semester, year, half);

    public static Period WholeYear(int year) => new(PeriodKind.Year, year, 1);

    /// <summary>The period's start and end (exclusive) as instants in <paramref name="zone"/>.</summary>
    public (DateTimeOffset Start, DateTimeOffset End) Bounds(TimeZoneInfo zone) => (At(FirstDay, zone), At(EndDay, zone));

    /// <summary>The months the period spans, for trend charts.</summary>
    public IEnumerable<Period> Months()
    {
        for (var day = FirstDay; day < EndDay; day = day.AddMonths(1))
            yield return Month(day.Year, day.Month);
    }

    public const int FirstYear = 2000;

    /// <summary>Far beyond any report, and far enough from year 9999 that the period's end day still exists.</summary>
    public const int LastYear = 2999;

    public static bool TryParse(string? text, out Period period)
    {
        period = WholeYear(FirstYear);
        var value = text?.Trim() ?? "";
        if (value.Length == 4 && int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var y) && y is >= FirstYear and <= LastYear)
            period = WholeYear(y);
        else if (value.Length == 7 && value[4] == '-' && int.TryParse(value[..4], NumberStyles.None, CultureInfo.InvariantCulture, out y) && y is >= FirstYear and <= LastYear)
        {
            if (value[5] is 'S' or 's' && value[6] is '1' or '2')
                period = Semester(y, value[6] - '0');
            else if (int.TryParse(value[5..], NumberStyles.None, CultureInfo.InvariantCulture, out var m) && m is >= 1 and <= 12)
                period = Month(y, m);
            else
                return false;
        }
        else
            return false;
        return true;
    }

    private static DateTimeOffset At(DateOnly day, TimeZoneInfo zone)
    {
        var local = day.ToDateTime(TimeOnly.MinValue);
        return new DateTimeOffset(local, zone.GetUtcOffset(local));
    }
}
