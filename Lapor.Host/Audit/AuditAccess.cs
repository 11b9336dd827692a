using System.Security.Claims;
using Lapor.Host.Data;

namespace Lapor.Host.Audit;

/// <summary>
/// Who may read the audit pages. Auditors, coordinators and administrators read every case; the Ombudsman reads only
/// cases that reached the escalation task, the cases it oversees (the same rule as its inbox).
/// </summary>
public static class AuditAccess
{
    public const string Roles = $"{Data.Roles.Auditor},{Data.Roles.Ombudsman},{Data.Roles.Coordinator},{Data.Roles.Administrator}";

    /// <summary>The user task every escalation path of the shipped process leads to.</summary>
    public const string EscalationActivityId = "eskalasi";

    public static bool IsAuditStaff(ClaimsPrincipal user) =>
        user.IsInRole(Data.Roles.Auditor) || user.IsInRole(Data.Roles.Ombudsman)
        || user.IsInRole(Data.Roles.Coordinator) || user.IsInRole(Data.Roles.Administrator);

    /// <summary>Whether the user reads only escalated cases (an Ombudsman without a wider role).</summary>
    public static bool EscalatedOnly(ClaimsPrincipal user) =>
        user.IsInRole(Data.Roles.Ombudsman)
        && !user.IsInRole(Data.Roles.Auditor) && !user.IsInRole(Data.Roles.Coordinator) && !user.IsInRole(Data.Roles.Administrator);

    /// <summary>Only an auditor may reveal an anonymous or named reporter in an export, and only with a reason.</summary>
    public static bool MayRevealReporter(ClaimsPrincipal user) => user.IsInRole(Data.Roles.Auditor);
}
