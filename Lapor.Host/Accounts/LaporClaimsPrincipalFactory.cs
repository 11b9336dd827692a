using System.Security.Claims;
using Lapor.Host.Data;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Lapor.Host.Accounts;

/// <summary>
/// Puts the user's agency into the sign-in cookie and the Basic principal, so pages and queries filter by a claim
/// instead of loading the user on every request.
/// </summary>
public sealed class LaporClaimsPrincipalFactory(
    UserManager<LaporUser> users, RoleManager<IdentityRole> roles, IOptions<IdentityOptions> options)
    : UserClaimsPrincipalFactory<LaporUser, IdentityRole>(users, roles, options)
{
    protected override async Task<ClaimsIdentity> GenerateClaimsAsync(LaporUser user)
    {
        var identity = await base.GenerateClaimsAsync(user);
        if (!string.IsNullOrEmpty(user.AgencyCode))
            identity.AddClaim(new Claim(LaporClaimTypes.Agency, user.AgencyCode));
        return identity;
    }
}
