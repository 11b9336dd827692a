using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Delivery;

/// <summary>
/// Writes the reporter's notices into the outbox for the timeline steps a SaveChanges adds (handed over by
/// <see cref="ReportStepInterceptor"/>): a committed step always has its notice, a rolled-back one never. Steps that
/// tell the reporter nothing new (their own reply, a rating, a stage label) send nothing; a reporter who unsubscribed,
/// or left no address, gets nothing.
/// </summary>
public sealed class ReporterNotices(NoticeComposer composer, DeliverySettings settings, TimeProvider clock) : IReportStepWriter
{
    public bool Enabled => settings.Email.Enabled || settings.Sms.Enabled;

    public async Task WriteAsync(LaporDb db, IReadOnlyList<AddedStep> steps, CancellationToken ct)
    {
        foreach (var (report, step) in steps)
        {
            if (report.NoticesStopped || KindOf(step.Kind) is not { } kind)
                continue;
            var (email, phone) = await AddressOfAsync(db, report.Reporter, ct);
            if (email is null && phone is null)
                continue;
            var code = report.TrackingCode.ToString();
            var agencyCode = step.AgencyCode ?? report.ResponsibleAgencyCode;
            var agency = agencyCode is null ? "" : await AgencyNameAsync(db, agencyCode, ct);
            var now = clock.GetUtcNow().UtcDateTime;
            // Each notice speaks the language its reporter submitted in, whoever's request or job wrote the step.
            using var language = PortalCultures.Use(report.Language);
            if (email is not null && settings.Email.Enabled)
            {
                var notice = composer.ForReporter(kind, report.Reporter.Name, code, report.EnsureNoticeToken(), report.Title, agency, step.PublicText);
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
                    Channel = SmsGatewayChannel.ChannelName, Recipient = phone, Body = composer.SmsForReporter(kind, code, agency),
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
