namespace Lapor.Host.Data;

/// <summary>Role names as stored in Identity. The full set arrives with the officer workspace.</summary>
public static class Roles
{
    public const string Administrator = "Administrator";
    public const string Coordinator = "Coordinator";
    public const string Auditor = "Auditor";

    /// <summary>A citizen who registered on the portal.</summary>
    public const string Reporter = "Reporter";
}
