using System.Globalization;
using Lapor.Host.Infrastructure;
using Lapor.Workflows.Calendars;

namespace Lapor.Host.Localization;

/// <summary>
/// Moments as citizens read them: in the configured zone (WITA for Bali), <c>d MMMM yyyy HH:mm</c> with the month
/// named in the visitor's language, and the zone's Indonesian abbreviation, e.g. "5 Maret 2026 14:30 WITA".
/// </summary>
public sealed class DateDisplay(LaporOptions options)
{
    private readonly TimeZoneInfo _zone =
        TimeZoneInfo.TryFindSystemTimeZoneById(options.TimeZone, out var found) ? found : CalendarZones.Wita;

    public TimeZoneInfo Zone => _zone;

    public string Moment(DateTimeOffset when)
    {
        var local = TimeZoneInfo.ConvertTime(when, _zone);
        // The colon is literal: id-ID's own time separator would write "14.30".
        return $"{local.ToString("d MMMM yyyy HH':'mm", CultureInfo.CurrentCulture)} {Abbreviation(local.Offset)}";
    }

    /// <summary>With seconds, for the auditor's journal, where several steps share a minute and order matters.</summary>
    public string Precise(DateTimeOffset when)
    {
        var local = TimeZoneInfo.ConvertTime(when, _zone);
        return $"{local.ToString("d MMMM yyyy HH':'mm':'ss", CultureInfo.CurrentCulture)} {Abbreviation(local.Offset)}";
    }

    public string Day(DateOnly day) => day.ToString("d MMMM yyyy", CultureInfo.CurrentCulture);

    /// <summary>Indonesia's zones by their offset; anywhere else by the plain offset.</summary>
    public static string Abbreviation(TimeSpan offset) => offset.TotalMinutes switch
    {
        420 => "WIB",
        480 => "WITA",
        540 => "WIT",
        _ => "UTC" + (offset < TimeSpan.Zero ? "-" : "+") + offset.ToString(offset.Minutes == 0 ? "%h" : @"h\:mm", CultureInfo.InvariantCulture),
    };
}
