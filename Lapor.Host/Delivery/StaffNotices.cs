using Lapor.Host.Data;
using Lapor.Host.Inbox;
using Lapor.Workflows.Definitions;
using Lapor.Workflows.Listeners;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Delivery;

/// <summary>
/// Tells staff by e-mail about new work: a task the command created for their agency (or for them), an escalation
/// (a task offered to a supervisors' group or the Ombudsman), and a deadline passed (an interrupting timer on the case
/// fired). Written to the outbox addressed to a group (<c>group:dinas-pu</c>) inside the engine's transaction; the
/// dispatcher turns a group into one message per active account when it sends, so an officer added today gets
/// tomorrow's reminder. "Due tomorrow" is the process's own reminder (the <c>notify</c> service task).
/// </summary>
public sealed class StaffNotices(LaporDb db, NoticeComposer composer, DeliverySettings settings, TimeProvider clock) : IInstanceListener
{
    private const string GroupPrefix = "group:";
    private const string UserPrefix = "user:";

    public static string AgencyRecipient(string agencyCode) => GroupPrefix + agencyCode;

    public static bool IsGroupRecipient(string recipient) =>
        recipient.StartsWith(GroupPrefix, StringComparison.Ordinal) || recipient.StartsWith(UserPrefix, StringComparison.Ordinal);

    public async Task OnChangedAsync(InstanceChange change, CancellationToken ct)
    {
        // Runs after every engine command: most create no task and pass no deadline, and must cost no query here.
        var overdue = change.Completed.OfType<BoundaryEvent>().Any(b => b.Timer is not null && b.CancelActivity);
        if (!settings.Email.Enabled || NoticeSuppression.Active || change.BusinessKey is not { } code || (change.TasksCreated.Count == 0 && !overdue))
            return;
        var report = db.Reports.Local.FirstOrDefault(r => r.TrackingCode.ToString() == code)
                     ?? await db.Reports.AsNoTracking().FirstOrDefaultAsync(r => r.TrackingCode == Lapor.Domain.Reports.TrackingCode.Parse(code), ct);
        if (report is null)
            return;
        var agencyCode = change.Variables.GetValueOrDefault("agency")?.ToString() ?? report.ResponsibleAgencyCode;
        var agency = agencyCode is null ? "" : await db.Agencies.AsNoTracking().Where(a => a.Code == agencyCode).Select(a => a.Name).FirstOrDefaultAsync(ct) ?? agencyCode;

        foreach (var task in change.TasksCreated)
        {
            var escalated = task.CandidateGroups.Any(g => g == TaskInbox.OmbudsmanGroup || g.EndsWith("-supervisor", StringComparison.Ordinal));
            var notice = composer.ForStaff(escalated ? StaffNotice.Escalated : StaffNotice.NewTask, code, report.Title, agency, task.Name ?? task.TaskDefinitionKey, task.Id);
            var recipients = task.Assignee is { } assignee ? [UserPrefix + assignee] : task.CandidateGroups.Select(g => GroupPrefix + g);
            foreach (var recipient in recipients.Distinct())
                Add(change, notice, recipient);
        }
        // An interrupting timer on the case is a deadline that passed; the agency hears of it beside the escalation.
        if (agencyCode is not null && overdue)
            Add(change, composer.ForStaff(StaffNotice.Overdue, code, report.Title, agency, "", null), AgencyRecipient(agencyCode));
    }

    private void Add(InstanceChange change, ComposedNotice notice, string recipient) =>
        db.Outbox.Add(new OutboxMessage
        {
            ProcessInstanceId = change.ProcessInstanceId, BusinessKey = change.BusinessKey, Template = notice.Template,
            Channel = EmailChannel.ChannelName, Recipient = recipient, Subject = notice.Subject, Body = notice.Text, HtmlBody = notice.Html,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });

    /// <summary>
    /// The e-mail addresses behind <c>group:</c> or <c>user:</c>: an agency's officers and supervisors, an agency's
    /// supervisors (<c>X-supervisor</c>), the coordinators (<c>inspektorat</c>), the Ombudsman, or one account. Only
    /// active accounts with an address.
    /// </summary>
    public static async Task<IReadOnlyList<string>> AddressesAsync(LaporDb db, string recipient, CancellationToken ct)
    {
        var users = db.Users.AsNoTracking().Where(u => u.IsActive && u.Email != null && u.Email != "");
        if (recipient.StartsWith(UserPrefix, StringComparison.Ordinal))
        {
            var name = recipient[UserPrefix.Length..];
            return await users.Where(u => u.UserName == name).Select(u => u.Email!).ToListAsync(ct);
        }
        var group = recipient[GroupPrefix.Length..];
        (string[] roles, string? agency) = group switch
        {
            TaskInbox.OmbudsmanGroup => (new[] { Roles.Ombudsman }, (string?)null),
            "inspektorat" => (new[] { Roles.Coordinator }, null),
            _ when group.EndsWith("-supervisor", StringComparison.Ordinal) => (new[] { Roles.AgencySupervisor }, group[..^"-supervisor".Length]),
            _ => (new[] { Roles.LiaisonOfficer, Roles.AgencySupervisor }, group),
        };
        var holders = from ur in db.UserRoles
                      join r in db.Roles on ur.RoleId equals r.Id
                      where roles.Contains(r.Name!)
                      select ur.UserId;
        var query = users.Where(u => holders.Contains(u.Id));
        if (agency is not null)
            query = query.Where(u => u.AgencyCode == agency);
        return await query.Select(u => u.Email!).Distinct().ToListAsync(ct);
    }
}
