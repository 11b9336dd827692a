namespace Lapor.Workflows.Calendars;

/// <summary>Indonesia's three time zones.</summary>
/// <remarks>
/// Slim container images and some Windows hosts ship without the IANA database; falling back
/// to a fixed offset is safe because Indonesia has observed no daylight saving time since 1964.
/// </remarks>
public static class CalendarZones
{
    /// <summary>Waktu Indonesia Barat (UTC+7): Sumatra, Java, West and Central Kalimantan.</summary>
    public static TimeZoneInfo Wib { get; } = Resolve("Asia/Jakarta", 7, "WIB");

    /// <summary>Waktu Indonesia Tengah (UTC+8): Bali, Nusa Tenggara, Sulawesi, East and North Kalimantan.</summary>
    public static TimeZoneInfo Wita { get; } = Resolve("Asia/Makassar", 8, "WITA");

    /// <summary>Waktu Indonesia Timur (UTC+9): Maluku and Papua.</summary>
    public static TimeZoneInfo Wit { get; } = Resolve("Asia/Jayapura", 9, "WIT");

    private static TimeZoneInfo Resolve(string ianaId, int hours, string abbreviation)
    {
        try
        {
            return TimeZoneInfo.FindSystemTimeZoneById(ianaId);
        }
        catch (Exception ex) when (ex is TimeZoneNotFoundException or InvalidTimeZoneException)
        {
            var offset = TimeSpan.FromHours(hours);
            return TimeZoneInfo.CreateCustomTimeZone(
                ianaId, offset, $"(UTC+{hours:00}:00) {abbreviation}", abbreviation);
        }
    }
}
