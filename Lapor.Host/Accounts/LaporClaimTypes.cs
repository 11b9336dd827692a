namespace Lapor.Host.Accounts;

/// <summary>Claims the product adds to Identity's own.</summary>
public static class LaporClaimTypes
{
    /// <summary>The agency code of an officer or supervisor; the inbox maps it (with the role) to candidate groups.</summary>
    public const string Agency = "lapor:agency";
}
