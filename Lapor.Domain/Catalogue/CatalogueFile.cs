namespace Lapor.Domain.Catalogue;

/// <summary>The shape of a catalogue JSON file; see <c>bali-catalogue.json</c>.</summary>
internal sealed record CatalogueFile(
    bool Sample,
    string? Note,
    string? Province,
    string? CoordinatorAgencyCode,
    IReadOnlyList<CatalogueFile.AgencyRow>? Agencies,
    IReadOnlyList<CatalogueFile.CategoryRow>? Categories)
{
    internal sealed record AgencyRow(string? Code, string? Name, string? ShortName, string? Kind, bool IsActive = true, string? Email = null);

    internal sealed record CategoryRow(string? Code, string? Name, string? DefaultAgencyCode, bool IsActive = true);
}
