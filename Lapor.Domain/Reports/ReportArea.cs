namespace Lapor.Domain.Reports;

/// <summary>
/// The regency or city (kabupaten/kota) a report's point lies in, as far as a few reference points per area tell: the
/// nearest of them wins. It feeds the routing table's "area" column, which only proposes an agency that the verifier
/// confirms, so a wrong guess near a border costs one click; exact boundaries would need polygon data the province has
/// not given us. Points outside Bali give no area.
/// </summary>
public static class ReportArea
{
    // Capitals plus the places reports come from most, so that e.g. Kuta is Badung and not Denpasar, its nearest capital.
    private static readonly (string Code, double Latitude, double Longitude)[] ReferencePoints =
    [
        ("kota-denpasar", -8.6560, 115.2160), ("kota-denpasar", -8.6880, 115.2620),
        ("kab-badung", -8.5830, 115.1770), ("kab-badung", -8.7180, 115.1690), ("kab-badung", -8.7900, 115.1600), ("kab-badung", -8.8000, 115.2300),
        ("kab-gianyar", -8.5440, 115.3250), ("kab-gianyar", -8.5069, 115.2625),
        ("kab-tabanan", -8.5410, 115.1250), ("kab-tabanan", -8.2800, 115.1660),
        ("kab-bangli", -8.4540, 115.3550), ("kab-bangli", -8.2450, 115.3300),
        ("kab-klungkung", -8.5350, 115.4030), ("kab-klungkung", -8.7280, 115.5440),
        ("kab-karangasem", -8.4490, 115.6060), ("kab-karangasem", -8.5100, 115.5700), ("kab-karangasem", -8.3740, 115.4510),
        ("kab-buleleng", -8.1120, 115.0880), ("kab-buleleng", -8.1600, 115.0250),
        ("kab-jembrana", -8.3580, 114.6190), ("kab-jembrana", -8.1700, 114.4400),
    ];

    /// <summary>The area's agency code (e.g. <c>kab-gianyar</c>), or null without a point or outside the island.</summary>
    public static string? Of(double? latitude, double? longitude)
    {
        if (latitude is not { } lat || longitude is not { } lon)
            return null;
        if (lat is < -8.95 or > -8.05 || lon is < 114.40 or > 115.75)
            return null;
        // Degrees of longitude are as long as degrees of latitude here to within 1 %, so plain squared degrees rank well.
        return ReferencePoints.MinBy(p => (p.Latitude - lat) * (p.Latitude - lat) + (p.Longitude - lon) * (p.Longitude - lon)).Code;
    }
}
