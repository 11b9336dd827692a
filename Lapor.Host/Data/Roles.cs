namespace Lapor.Host.Data;

/// <summary>
/// Role names as stored in Identity. An officer's agency is not part of the role but a column on the user, exposed as the
/// <c>lapor:agency</c> claim: one "LiaisonOfficer" role serves every agency instead of a role per agency.
/// </summary>
public static class Roles
{
    public const string Administrator = "Administrator";

    /// <summary>Inspektorat staff: verify, dispose, forward, archive and intervene for the whole province.</summary>
    public const string Coordinator = "Coordinator";

    /// <summary>Internal audit (APIP): reads every instance and the agency figures, changes nothing.</summary>
    public const string Auditor = "Auditor";

    /// <summary>A citizen who registered on the portal.</summary>
    public const string Reporter = "Reporter";

    /// <summary>Admin penghubung: handles the reports of one agency.</summary>
    public const string LiaisonOfficer = "LiaisonOfficer";

    /// <summary>Head of an agency's handling: sees its queue and overdue work; escalations land here first.</summary>
    public const string AgencySupervisor = "AgencySupervisor";

    /// <summary>External overseer: reads escalated, long-overdue cases.</summary>
    public const string Ombudsman = "Ombudsman";

    /// <summary>Every role, in the order an administrator picks from.</summary>
    public static IReadOnlyList<string> All { get; } =
        [Reporter, LiaisonOfficer, AgencySupervisor, Coordinator, Auditor, Ombudsman, Administrator];

    /// <summary>Roles whose work is one agency's queue, so an account without an agency could see nothing or everything.</summary>
    public static bool RequiresAgency(string role) => role is LiaisonOfficer or AgencySupervisor;

    /// <summary>
    /// A coordinator may name the Inspektorat it works for (the process's coordinator group); every other role works
    /// across agencies or for none, and an agency there would only suggest a restriction that is not enforced.
    /// </summary>
    public static bool AllowsAgency(string role) => RequiresAgency(role) || role == Coordinator;
}
