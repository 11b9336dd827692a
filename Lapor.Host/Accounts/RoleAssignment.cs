using Lapor.Host.Data;

namespace Lapor.Host.Accounts;

/// <summary>
/// The rule between a role and an agency, shared by creating and editing a user: an officer without an agency would
/// see no queue, and an auditor with one would look restricted when they are not.
/// </summary>
public static class RoleAssignment
{
    /// <summary>Resource keys of the problems, per field (<c>Role</c> or <c>AgencyCode</c>); empty when the pair is valid.</summary>
    public static IReadOnlyList<(string Field, string MessageKey)> Validate(string? role, string? agencyCode, IReadOnlyCollection<string> activeAgencyCodes)
    {
        if (string.IsNullOrWhiteSpace(role) || !Roles.All.Contains(role))
            return [("Role", "Admin.Users.Role.Required")];
        var hasAgency = !string.IsNullOrWhiteSpace(agencyCode);
        if (!hasAgency)
            return Roles.RequiresAgency(role) ? [("AgencyCode", "Admin.Users.Agency.Required")] : [];
        if (!Roles.AllowsAgency(role))
            return [("AgencyCode", "Admin.Users.Agency.NotAllowed")];
        return activeAgencyCodes.Contains(agencyCode!) ? [] : [("AgencyCode", "Admin.Users.Agency.Unknown")];
    }
}
