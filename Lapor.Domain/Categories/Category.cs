using Lapor.Domain.Catalogue;
using Lapor.Domain.Reports;

namespace Lapor.Domain.Categories;

/// <summary>
/// What a report is about, as the reporter chooses it. Its default agency is where verification routes
/// the report unless the coordinator decides otherwise.
/// </summary>
public sealed class Category
{
    public const int NameMaxLength = 100;

    private Category()
    {
    }

    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string DefaultAgencyCode { get; private set; } = string.Empty;

    public bool IsActive { get; private set; }

    public static Category Create(string code, string name, string defaultAgencyCode)
    {
        var category = new Category { Code = CatalogueCode.Require(code, nameof(code)), IsActive = true };
        category.Rename(name);
        category.ChangeDefaultAgency(defaultAgencyCode);
        return category;
    }

    public void Rename(string name)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var trimmed = name.Trim();
        if (trimmed.Length > NameMaxLength || TextInput.HasForbiddenCharacter(trimmed, multiline: false) || TextInput.ContainsMarkup(trimmed))
        {
            throw new ArgumentException($"'{name}' is not a usable name (at most {NameMaxLength} plain characters).", nameof(name));
        }

        Name = trimmed;
    }

    /// <summary>Points the category at another agency; the caller checks that the agency exists and is active.</summary>
    public void ChangeDefaultAgency(string agencyCode) =>
        DefaultAgencyCode = CatalogueCode.Require(agencyCode, nameof(agencyCode));

    /// <summary>Hides the category from the report form; reports already filed under it keep it.</summary>
    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;
}
