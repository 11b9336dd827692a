using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Delivery;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Lapor.Host.National;

/// <summary>
/// Writes the national system's events into the outbox in the same SaveChanges as the report steps they describe,
/// whatever path made the step (portal, API, process, the reporter): a committed step always has its event, a
/// rolled-back one never. A report that came from the national system (its <see cref="NationalReportLink"/> is saved
/// with it) is not announced back; its later steps are, with its national id. Demo data is never pushed.
/// </summary>
public sealed class NationalEvents(NationalSettings settings, TimeProvider clock) : SaveChangesInterceptor
{
    public const string TemplatePrefix = "national.";

    // A SaveChanges that fails and is called again sees the same added steps: each is pushed once.
    private readonly System.Runtime.CompilerServices.ConditionalWeakTable<TimelineEntry, object> _pushed = new();

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        if (eventData.Context is LaporDb db && settings.OutboundEnabled && !NoticeSuppression.Active)
            await CollectAsync(db, cancellationToken);
        return result;
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        if (eventData.Context is LaporDb db && settings.OutboundEnabled && !NoticeSuppression.Active)
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
        var arriving = db.ChangeTracker.Entries<NationalReportLink>().Where(e => e.State == EntityState.Added)
            .ToDictionary(e => e.Entity.ReportId, e => e.Entity.NationalId);
        var known = new Dictionary<Guid, string?>();
        foreach (var (reportId, step) in steps.OrderBy(s => s.Step.When))
        {
            if (!reports.TryGetValue(reportId, out var report) || NationalEvent.ChangeKindOf(step.Kind) is null && step.Kind != TimelineEntryKind.Submitted)
                continue;
            // It came from there: the national system knows it already.
            if (step.Kind == TimelineEntryKind.Submitted && arriving.ContainsKey(reportId))
                continue;
            if (!_pushed.TryAdd(step, step))
                continue;
            if (!arriving.TryGetValue(reportId, out var nationalId) && !known.TryGetValue(reportId, out nationalId))
            {
                nationalId = await db.NationalReportLinks.AsNoTracking().Where(l => l.ReportId == reportId).Select(l => l.NationalId).FirstOrDefaultAsync(ct);
                known[reportId] = nationalId;
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
