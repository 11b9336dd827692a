using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Host.Delivery;

/// <summary>
/// Writes the reporter's notices into the outbox in the same SaveChanges as the timeline steps they tell about, whatever
/// path made the step (the portal, the API, the process, a reporter's own action): a committed step always has its
/// notice, a rolled-back one never. Steps that tell the reporter nothing new (their own reply, a rating, a stage label)
/// send nothing; a reporter who unsubscribed, or left no address, gets nothing.
/// </summary>
public sealed class ReporterNotices(NoticeComposer composer, DeliverySettings settings, TimeProvider clock) : SaveChangesInterceptor
{
    // A SaveChanges that fails and is called again sees the same added steps: each is noticed once.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TimelineEntry, object> _noticed = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LaporDb db && (settings.Email.Enabled || settings.Sms.Enabled) && !NoticeSuppression.Active)
            await CollectAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is LaporDb db && (settings.Email.Enabled || settings.Sms.Enabled) && !NoticeSuppression.Active)
            CollectAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        return result;
    }

    private async Task CollectAsync(LaporDb db, CancellationToken ct)
    {
        db.ChangeTracker.DetectChanges();
        var steps = db.ChangeTracker.Entries<TimelineEntry>().Where(e => e.State == EntityState.Added)
            .Select(e => (ReportId: (Guid)e.Property("ReportId").CurrentValue!, Step: e.Entity)).ToList();
        if (steps.Count == 0)
            return;
        var reports = db.ChangeTracker.Entries<Report>().Select(e => e.Entity).ToDictionary(r => r.Id);
        foreach (var (reportId, step) in steps.OrderBy(s => s.Step.When))
        {
            if (!reports.TryGetValue(reportId, out var report) || report.NoticesStopped || KindOf(step.Kind) is not { } kind
                || !_noticed.TryAdd(step, step))
                continue;
            var (email, phone) = await AddressOfAsync(db, report.Reporter, ct);
            if (email is null && phone is null)
                continue;
            var code = report.TrackingCode.ToString();
            var agencyCode = step.AgencyCode ?? report.ResponsibleAgencyCode;
            var agency = agencyCode is null ? "" : await AgencyNameAsync(db, agencyCode, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            if (email is not null && settings.Email.Enabled)
            {
                var notice = composer.ForReporter(kind, report.Language, report.Reporter.Name, code, report.EnsureNoticeToken(), report.Title, agency, step.PublicText);
                db.Outbox.Add(new OutboxMessage
                {
                    ProcessInstanceId = report.ProcessInstanceId, BusinessKey = code, Template = notice.Template, Channel = EmailChannel.ChannelName,
                    Recipient = email, Subject = notice.Subject, Body = notice.Text, HtmlBody = notice.Html, CreatedAt = now,
                });
            }
            if (phone is not null && settings.Sms.Enabled)
            {
                db.Outbox.Add(new OutboxMessage
                {
                    ProcessInstanceId = report.ProcessInstanceId, BusinessKey = code, Template = $"reporter.sms.{kind.ToString().ToLowerInvariant()}",
                    Channel = SmsGatewayChannel.ChannelName, Recipient = phone, Body = composer.SmsForReporter(kind, report.Language, code, agency),
                    CreatedAt = now,
                });
            }
        }
    }

    public static ReporterNotice? KindOf(TimelineEntryKind kind) => kind switch
    {
        TimelineEntryKind.Submitted => ReporterNotice.Received,
        TimelineEntryKind.Disposed => ReporterNotice.Verified,
        TimelineEntryKind.Forwarded => ReporterNotice.Forwarded,
        TimelineEntryKind.InformationRequested => ReporterNotice.Asked,
        TimelineEntryKind.PublicResponse => ReporterNotice.Answered,
        TimelineEntryKind.Closed => ReporterNotice.Closed,
        TimelineEntryKind.Reopened => ReporterNotice.Reopened,
        _ => null,
    };

    /// <summary>A guest's own contact, or the account's: the address lives where the reporter left it.</summary>
    private static async Task<(string? Email, string? Phone)> AddressOfAsync(LaporDb db, Reporter reporter, CancellationToken ct)
    {
        if (reporter.IsGuest)
            return (reporter.Email, reporter.Phone);
        var account = await db.Users.AsNoTracking().Where(u => u.Id == reporter.UserId)
            .Select(u => new { u.Email, u.PhoneNumber }).FirstOrDefaultAsync(ct);
        return (account?.Email, account?.PhoneNumber);
    }

    private static async Task<string> AgencyNameAsync(LaporDb db, string code, CancellationToken ct) =>
        db.Agencies.Local.FirstOrDefault(a => a.Code == code)?.Name
        ?? await db.Agencies.AsNoTracking().Where(a => a.Code == code).Select(a => a.Name).FirstOrDefaultAsync(ct)
        ?? code;
}
