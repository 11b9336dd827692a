using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Delivery;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.National;

/// <summary>
/// Writes the national system's events into the outbox for the report steps a SaveChanges adds (handed over by
/// <see cref="ReportStepInterceptor"/>): a committed step always has its event, a rolled-back one never. A report that came from the national system (its <see cref="NationalReportLink"/> is saved
/// with it) is not announced back; its later steps are, with its national id. Demo data is never pushed.
/// </summary>
public sealed class NationalEvents(NationalSettings settings, TimeProvider clock) : IReportStepWriter
{
    public const string TemplatePrefix = "national.";

    public bool Enabled => settings.OutboundEnabled;

    public async Task WriteAsync(LaporDb db, IReadOnlyList<AddedStep> steps, CancellationToken ct)
    {
        var arriving = db.ChangeTracker.Entries<NationalReportLink>().Where(e => e.State == EntityState.Added)
            .ToDictionary(e => e.Entity.ReportId, e => e.Entity.NationalId);
        var known = new Dictionary<Guid, string?>();
        foreach (var (report, step) in steps)
        {
            if (NationalEvent.ChangeKindOf(step.Kind) is null && step.Kind != TimelineEntryKind.Submitted)
                continue;
            // It came from there: the national system knows it already.
            if (step.Kind == TimelineEntryKind.Submitted && arriving.ContainsKey(report.Id))
                continue;
            if (!arriving.TryGetValue(report.Id, out var nationalId) && !known.TryGetValue(report.Id, out nationalId))
            {
                nationalId = await db.NationalReportLinks.AsNoTracking().Where(l => l.ReportId == report.Id).Select(l => l.NationalId).FirstOrDefaultAsync(ct);
                known[report.Id] = nationalId;
            }
            if (NationalEvent.For(report, step, nationalId, settings.ProvinceId) is not { } pushed)
                continue;
            db.Outbox.Add(new OutboxMessage
            {
                ProcessInstanceId = report.ProcessInstanceId, BusinessKey = report.TrackingCode.ToString(),
                Template = TemplatePrefix + (pushed.Change?.Kind ?? "created"), Channel = NationalChannel.ChannelName,
                Recipient = settings.Endpoint, Body = pushed.ToJson(), IdempotencyKey = pushed.EventId, CreatedAt = clock.GetUtcNow().UtcDateTime,
            });
        }
    }
}
