using Lapor.Host.Accounts;

namespace Lapor.Host.Pages.Admin.Users;

/// <summary>What the shared role and agency fields show: the current choice and the agencies to pick from.</summary>
public sealed record RoleAndAgencyFields(string? Role, string? AgencyCode, IReadOnlyList<AgencyOption> Agencies);
