using System.ComponentModel.DataAnnotations;
using Microsoft.AspNetCore.Identity;

namespace Lapor.Host.Data;

/// <summary>A person with an account: a reporter, an officer of an agency, a coordinator or an auditor.</summary>
public sealed class LaporUser : IdentityUser
{
    public const int AgencyCodeMaxLength = 40;

    public string? DisplayName { get; set; }

    /// <summary>The agency an officer or supervisor works for (an <c>Agency.Code</c>); null for roles that span agencies.</summary>
    [MaxLength(AgencyCodeMaxLength)]
    public string? AgencyCode { get; set; }

    /// <summary>False once an administrator deactivated the account; kept in step with a lockout that never ends.</summary>
    public bool IsActive { get; private set; } = true;

    /// <summary>
    /// Deactivation rides on Identity's lockout, so the login form and the API's Basic scheme refuse the account without
    /// a check of their own. Accounts are never deleted: the process history names them.
    /// </summary>
    public void Deactivate()
    {
        IsActive = false;
        LockoutEnabled = true;
        LockoutEnd = DateTimeOffset.MaxValue;
    }

    public void Activate()
    {
        IsActive = true;
        LockoutEnd = null;
        AccessFailedCount = 0;
    }
}
