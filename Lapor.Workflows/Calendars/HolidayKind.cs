namespace Lapor.Workflows.Calendars;

/// <summary>
/// Why a day is off. The order matters: when several files name the same date,
/// <see cref="BusinessCalendar.HolidayOn"/> reports the kind declared first here.
/// </summary>
public enum HolidayKind
{
    /// <summary>A public holiday (hari libur nasional) decreed for the whole country.</summary>
    National,

    /// <summary>A collective leave day (cuti bersama) that government offices observe.</summary>
    CutiBersama,

    /// <summary>A day off decreed by a province or regency, e.g. Galungan in Bali.</summary>
    Regional,
}
