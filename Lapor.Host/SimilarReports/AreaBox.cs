namespace Lapor.Host.SimilarReports;

/// <summary>
/// "The same area": reports whose point lies within <see cref="RadiusKm"/> of the given one, as a latitude/longitude
/// box the database can compare directly (corners reach ~1.4 × the radius; good enough for a suggestion).
/// </summary>
public sealed record AreaBox(double MinLatitude, double MaxLatitude, double MinLongitude, double MaxLongitude)
{
    public const double RadiusKm = 1.0;

    private const double KmPerDegree = 111.32;

    public static AreaBox? Around(double? latitude, double? longitude)
    {
        if (latitude is not { } lat || longitude is not { } lon || double.IsNaN(lat) || double.IsNaN(lon) || Math.Abs(lat) > 90 || Math.Abs(lon) > 180)
            return null;
        var dLat = RadiusKm / KmPerDegree;
        // Indonesia lies near the equator, but the cosine keeps the box square anywhere the data might come from.
        var dLon = RadiusKm / (KmPerDegree * Math.Max(0.01, Math.Cos(lat * Math.PI / 180)));
        return new AreaBox(lat - dLat, lat + dLat, lon - dLon, lon + dLon);
    }
}
