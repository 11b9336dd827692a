using System.Security.Claims;
using Lapor.Host.Accounts;
using Lapor.Host.Data;
using Lapor.Workflows.Queries;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Inbox;

/// <summary>
/// Who may receive a task from whom. An officer or supervisor passes work only inside their own agency, to active
/// liaison officers and supervisors; coordinators and administrators run every queue, so they may pick any active staff
/// member of the agency the task is offered to (its candidate group, "-supervisor" groups included).
/// </summary>
public sealed class Colleagues(LaporDb db)
{
    private const string SupervisorSuffix = "-supervisor";

    private static readonly string[] AgencyRoles = [Roles.LiaisonOfficer, Roles.AgencySupervisor];

    private static readonly string[] StaffRoles = [Roles.LiaisonOfficer, Roles.AgencySupervisor, Roles.Coordinator, Roles.Administrator];

    /// <summary>Everyone this user could pass some task to: the picker of the inbox page, one query for the whole page.</summary>
    public async Task<IReadOnlyList<Colleague>> ForUserAsync(ClaimsPrincipal user, CancellationToken ct = default)
    {
        var candidates = RunsAllQueues(user) ? Staff(StaffRoles, agencies: null) : OwnAgency(user);
        return await ListAsync(candidates.Where(u => u.UserName != user.Identity!.Name), ct);
    }

    /// <summary>Who may receive this task from this user, the current holder left out.</summary>
    public async Task<IReadOnlyList<Colleague>> ForTaskAsync(ClaimsPrincipal user, TaskDetails task, CancellationToken ct = default) =>
        await ListAsync(Eligible(user, task).Where(u => u.UserName != task.Assignee), ct);

    /// <summary>
    /// Whether <paramref name="userName"/> (typed in any case) may receive the task, with the name as stored for the
    /// engine; otherwise why not.
    /// </summary>
    public async Task<(HandOverOutcome Outcome, string? UserName)> CheckAsync(ClaimsPrincipal user, TaskDetails task, string? userName, CancellationToken ct = default)
    {
        if (string.IsNullOrWhiteSpace(userName))
            return (HandOverOutcome.UnknownColleague, null);
        var normalized = userName.Trim().ToUpperInvariant();
        var person = await db.Users.AsNoTracking().Where(u => u.NormalizedUserName == normalized)
            .Select(u => new { u.Id, u.UserName, u.IsActive }).FirstOrDefaultAsync(ct);
        if (person is null)
            return (HandOverOutcome.UnknownColleague, null);
        if (!person.IsActive)
            return (HandOverOutcome.InactiveColleague, person.UserName);
        if (person.UserName == task.Assignee)
            return (HandOverOutcome.AlreadyHolds, person.UserName);
        var eligible = await Eligible(user, task).AnyAsync(u => u.Id == person.Id, ct);
        return (eligible ? HandOverOutcome.Done : HandOverOutcome.NotAColleague, person.UserName);
    }

    private IQueryable<LaporUser> Eligible(ClaimsPrincipal user, TaskDetails task)
    {
        if (!RunsAllQueues(user))
            return OwnAgency(user);
        var agencies = task.CandidateGroups
            .Select(g => g.EndsWith(SupervisorSuffix, StringComparison.Ordinal) ? g[..^SupervisorSuffix.Length] : g)
            .Distinct().ToList();
        return Staff(StaffRoles, agencies);
    }

    private IQueryable<LaporUser> OwnAgency(ClaimsPrincipal user)
    {
        var agency = user.FindFirstValue(LaporClaimTypes.Agency);
        // Without an agency claim there is no "same agency": nobody, rather than everybody without one.
        return string.IsNullOrEmpty(agency) ? db.Users.Where(_ => false) : Staff(AgencyRoles, [agency]);
    }

    private IQueryable<LaporUser> Staff(string[] roles, List<string>? agencies)
    {
        var roleIds = db.Roles.Where(r => roles.Contains(r.Name!)).Select(r => r.Id);
        var users = db.Users.AsNoTracking()
            .Where(u => u.IsActive && u.AgencyCode != null && db.UserRoles.Any(ur => ur.UserId == u.Id && roleIds.Contains(ur.RoleId)));
        return agencies is null ? users : users.Where(u => agencies.Contains(u.AgencyCode!));
    }

    private static async Task<IReadOnlyList<Colleague>> ListAsync(IQueryable<LaporUser> users, CancellationToken ct)
    {
        var rows = await users.Select(u => new { u.UserName, u.DisplayName, u.AgencyCode }).ToListAsync(ct);
        return rows.Select(u => new Colleague(u.UserName!, u.DisplayName ?? u.UserName!, u.AgencyCode))
            .OrderBy(c => c.AgencyCode, StringComparer.Ordinal).ThenBy(c => c.DisplayName, StringComparer.CurrentCulture).ToList();
    }

    private static bool RunsAllQueues(ClaimsPrincipal user) => user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Administrator);
}
