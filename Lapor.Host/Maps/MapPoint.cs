using System.Globalization;

namespace Lapor.Host.Maps;

/// <summary>A point on the map in WGS 84 degrees, as reports store it.</summary>
public sealed record MapPoint(double Latitude, double Longitude)
{
    /// <summary>A report's point, or null when it has none (latitude and longitude are stored together or not at all).</summary>
    public static MapPoint? From(double? latitude, double? longitude) =>
        latitude is { } lat && longitude is { } lon ? new MapPoint(lat, lon) : null;

    /// <summary>"-8.670500, 115.212600": the same in every language, so it can be copied into any map application.</summary>
    public string Text => $"{Latitude.ToString("F6", CultureInfo.InvariantCulture)}, {Longitude.ToString("F6", CultureInfo.InvariantCulture)}";
}
