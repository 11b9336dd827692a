using Lapor.Domain.Agencies;

namespace Lapor.Domain.Tests.Agencies;

public sealed class AgencyTests
{
    [Fact]
    public void ANewAgency_IsActiveWithItsCodeInLowercase()
    {
        var agency = Agency.Create(" Kab-Badung ", "Pemerintah Kabupaten Badung", "Kab. Badung", AgencyKind.Regency, "PENGADUAN@Badung.example");

        Assert.Equal("kab-badung", agency.Code);
        Assert.True(agency.IsActive);
        Assert.Equal("PENGADUAN@badung.example", agency.Email);
    }

    [Theory]
    [InlineData("Dinas Kesehatan")]
    [InlineData("dinkes_bali")]
    [InlineData("-dinkes")]
    [InlineData("")]
    public void ACodeThatIsNotShortAndPlain_IsRefused(string code)
    {
        Assert.Throws<ArgumentException>(() => Agency.Create(code, "Dinas Kesehatan", "Dinkes", AgencyKind.ProvincialAgency));
    }

    [Fact]
    public void ANameWithMarkup_IsRefused()
    {
        Assert.Throws<ArgumentException>(() => Agency.Create("dinkes", "<b>Dinas</b>", "Dinkes", AgencyKind.ProvincialAgency));
    }

    [Fact]
    public void ADeactivatedAgency_KeepsItsData()
    {
        var agency = Agency.Create("dinkes", "Dinas Kesehatan Provinsi Bali", "Dinkes", AgencyKind.ProvincialAgency);

        agency.Deactivate();

        Assert.False(agency.IsActive);
        Assert.Equal("Dinas Kesehatan Provinsi Bali", agency.Name);
    }
}
