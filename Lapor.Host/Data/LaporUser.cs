using Microsoft.AspNetCore.Identity;

namespace Lapor.Host.Data;

/// <summary>A person with an account: a reporter, an officer of an agency, a coordinator or an auditor.</summary>
public sealed class LaporUser : IdentityUser
{
    public string? DisplayName { get; set; }
}
