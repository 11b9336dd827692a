using Lapor.Domain.Reports;

namespace Lapor.Domain.Tests.Reports;

public sealed class ReportAreaTests
{
    [Theory]
    [InlineData(-8.5069, 115.2625, "kab-gianyar")]     // Ubud
    [InlineData(-8.7220, 115.1720, "kab-badung")]      // Kuta: nearer Denpasar's capital than Badung's, still Badung
    [InlineData(-8.6700, 115.2130, "kota-denpasar")]   // Denpasar, Puputan square
    [InlineData(-8.1150, 115.0900, "kab-buleleng")]    // Singaraja
    [InlineData(-8.7300, 115.5400, "kab-klungkung")]   // Nusa Penida
    [InlineData(-8.1750, 114.4450, "kab-jembrana")]    // Gilimanuk
    public void APointOnTheIsland_GivesItsRegencyOrCity(double latitude, double longitude, string expected) =>
        Assert.Equal(expected, ReportArea.Of(latitude, longitude));

    [Theory]
    [InlineData(null, null)]
    [InlineData(-6.2000, 106.8166)]   // Jakarta
    [InlineData(-8.5800, 116.1000)]   // Lombok, across the strait
    public void NoPointOrAPointOffTheIsland_GivesNoArea(double? latitude, double? longitude) =>
        Assert.Null(ReportArea.Of(latitude, longitude));
}
