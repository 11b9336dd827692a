using System.Text.RegularExpressions;
using Lapor.Domain.Agencies;
using Lapor.Domain.Catalogue;

namespace Lapor.Domain.Tests.Catalogue;

public sealed class SampleCatalogueTests
{
    private static readonly SampleCatalogue Bali = SampleCatalogue.Load();

    [Fact]
    public void TheEmbeddedCatalogue_SaysItIsASampleToBeEdited()
    {
        Assert.True(Bali.IsSample);
        Assert.Contains("wajib memeriksa dan menyunting", Bali.Note);
        Assert.Equal("Provinsi Bali", Bali.Province);
    }

    [Fact]
    public void EveryCategorysDefaultAgency_ExistsAndIsActive()
    {
        var active = Bali.Agencies.Where(a => a.IsActive).Select(a => a.Code).ToHashSet();

        Assert.All(Bali.Categories, c => Assert.Contains(c.DefaultAgencyCode, active));
    }

    [Fact]
    public void Codes_AreUniqueAndShort()
    {
        var agencyCodes = Bali.Agencies.Select(a => a.Code).ToList();
        var categoryCodes = Bali.Categories.Select(c => c.Code).ToList();

        Assert.Equal(agencyCodes.Count, agencyCodes.Distinct().Count());
        Assert.Equal(categoryCodes.Count, categoryCodes.Distinct().Count());
        Assert.All(agencyCodes.Concat(categoryCodes), code => Assert.Matches(new Regex("^[a-z0-9]+(-[a-z0-9]+)*$"), code));
        Assert.All(agencyCodes.Concat(categoryCodes), code => Assert.True(code.Length <= 20, code));
    }

    [Fact]
    public void TheNineKabupatenAndKota_ArePresentAsForwardingTargets()
    {
        var regencies = Bali.Agencies.Where(a => a.Kind is AgencyKind.Regency or AgencyKind.City).ToList();

        Assert.Equal(
            ["kab-badung", "kab-bangli", "kab-buleleng", "kab-gianyar", "kab-jembrana", "kab-karangasem", "kab-klungkung", "kab-tabanan", "kota-denpasar"],
            regencies.Select(a => a.Code).Order());
        Assert.Equal(AgencyKind.City, Assert.Single(regencies, a => a.Code == "kota-denpasar").Kind);
    }

    [Fact]
    public void TheInspektorat_CoordinatesAndTheOmbudsman_Oversees()
    {
        var coordinator = Assert.Single(Bali.Agencies, a => a.Code == Bali.CoordinatorAgencyCode);
        Assert.Equal("Inspektorat Provinsi Bali", coordinator.Name);
        Assert.Equal(AgencyKind.ProvincialAgency, coordinator.Kind);

        Assert.Equal("ombudsman-bali", Assert.Single(Bali.Agencies, a => a.Kind == AgencyKind.Oversight).Code);
    }

    [Fact]
    public void TheCatalogue_HasAboutTwentyProvincialAgencies_AFewCentralOnes_AndAboutFifteenCategories()
    {
        Assert.InRange(Bali.Agencies.Count(a => a.Kind == AgencyKind.ProvincialAgency), 18, 30);
        Assert.Contains(Bali.Agencies, a => a.Code == "pln-uid-bali" && a.Kind == AgencyKind.CentralInstitution);
        Assert.Contains(Bali.Agencies, a => a.Code == "bpjs-kesehatan" && a.Kind == AgencyKind.CentralInstitution);
        Assert.InRange(Bali.Categories.Count, 15, 25);
        Assert.Contains(Bali.Categories, c => c.Code == "kesehatan" && c.DefaultAgencyCode == "dinkes");
    }

    [Fact]
    public void ACatalogueWithProblems_IsRefusedWithEveryProblemListed()
    {
        const string json = """
            {
              "sample": true,
              "coordinatorAgencyCode": "inspektorat",
              "agencies": [
                { "code": "dinkes", "name": "Dinas Kesehatan", "shortName": "Dinkes", "kind": "ProvincialAgency" },
                { "code": "dinkes", "name": "Dinas Kesehatan lagi", "shortName": "Dinkes", "kind": "ProvincialAgency" },
                { "code": "Dinas Sosial", "name": "Dinas Sosial", "shortName": "Dinsos", "kind": "ProvincialAgency" },
                { "code": "kab-x", "name": "Kabupaten X", "shortName": "X", "kind": "Province" }
              ],
              "categories": [
                { "code": "kesehatan", "name": "Kesehatan", "defaultAgencyCode": "dinkes" },
                { "code": "sosial", "name": "Sosial", "defaultAgencyCode": "dinsos" }
              ]
            }
            """;

        var problem = Assert.Throws<InvalidDataException>(() => SampleCatalogue.Parse(json));

        Assert.Contains("'dinkes' appears more than once", problem.Message);
        Assert.Contains("'Dinas Sosial' is not a code", problem.Message);
        Assert.Contains("'Province' is not an agency kind", problem.Message);
        Assert.Contains("'dinsos', which is not in the catalogue", problem.Message);
        Assert.Contains("coordinator agency 'inspektorat'", problem.Message);
    }

    [Fact]
    public void ACategoryPointingAtAnInactiveAgency_IsRefused()
    {
        const string json = """
            {
              "coordinatorAgencyCode": "inspektorat",
              "agencies": [
                { "code": "inspektorat", "name": "Inspektorat", "shortName": "Inspektorat", "kind": "ProvincialAgency" },
                { "code": "dinkes", "name": "Dinas Kesehatan", "shortName": "Dinkes", "kind": "ProvincialAgency", "isActive": false }
              ],
              "categories": [ { "code": "kesehatan", "name": "Kesehatan", "defaultAgencyCode": "dinkes" } ]
            }
            """;

        var problem = Assert.Throws<InvalidDataException>(() => SampleCatalogue.Parse(json));

        Assert.Contains("'dinkes', which is inactive", problem.Message);
    }

    [Fact]
    public void MalformedJson_IsRefused()
    {
        Assert.Throws<InvalidDataException>(() => SampleCatalogue.Parse("{ \"agencies\": [ "));
    }
}
