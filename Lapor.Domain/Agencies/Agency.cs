using Lapor.Domain.Catalogue;
using Lapor.Domain.Reports;

namespace Lapor.Domain.Agencies;

/// <summary>
/// An institution a report can be routed to: a provincial OPD, a kabupaten/kota, a central institution or
/// an overseer. Agencies are deactivated, never deleted, because old reports keep pointing at them.
/// </summary>
public sealed class Agency
{
    public const int NameMaxLength = 200;
    public const int ShortNameMaxLength = 60;

    private Agency()
    {
    }

    /// <summary>A short stable key such as <c>dinkes</c> or <c>kab-badung</c>.</summary>
    public string Code { get; private set; } = string.Empty;

    public string Name { get; private set; } = string.Empty;

    public string ShortName { get; private set; } = string.Empty;

    public AgencyKind Kind { get; private set; }

    public bool IsActive { get; private set; }

    /// <summary>Where notifications for the agency's liaison officers go, when known.</summary>
    public string? Email { get; private set; }

    public static Agency Create(string code, string name, string shortName, AgencyKind kind, string? email = null)
    {
        var agency = new Agency { Code = CatalogueCode.Require(code, nameof(code)), IsActive = true };
        agency.Rename(name, shortName);
        agency.Reclassify(kind);
        agency.ChangeEmail(email);
        return agency;
    }

    public void Rename(string name, string shortName)
    {
        Name = RequireText(name, NameMaxLength, nameof(name));
        ShortName = RequireText(shortName, ShortNameMaxLength, nameof(shortName));
    }

    public void Reclassify(AgencyKind kind)
    {
        if (!Enum.IsDefined(kind))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown agency kind.");
        }

        Kind = kind;
    }

    public void ChangeEmail(string? email)
    {
        if (string.IsNullOrWhiteSpace(email))
        {
            Email = null;
            return;
        }

        Email = EmailAddress.TryNormalize(email, out var normalized)
            ? normalized
            : throw new ArgumentException($"'{email}' is not an e-mail address.", nameof(email));
    }

    /// <summary>Stops offering the agency for new dispositions; reports already there stay.</summary>
    public void Deactivate() => IsActive = false;

    public void Activate() => IsActive = true;

    private static string RequireText(string value, int maxLength, string parameterName)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(value, parameterName);
        var trimmed = value.Trim();
        if (trimmed.Length > maxLength || TextInput.HasForbiddenCharacter(trimmed, multiline: false) || TextInput.ContainsMarkup(trimmed))
        {
            throw new ArgumentException($"'{value}' is not a usable name (at most {maxLength} plain characters).", parameterName);
        }

        return trimmed;
    }
}
