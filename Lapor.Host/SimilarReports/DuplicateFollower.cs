using System.Runtime.CompilerServices;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.SimilarReports;

/// <summary>
/// Passes a primary report's answer and closing on to its duplicates in the same SaveChanges (decision 022), whatever
/// path wrote them (task form, process, the reporter's confirmation). Registered before
/// <see cref="Delivery.ReportStepInterceptor"/>, so the duplicates' new steps get their reporter notices like any other.
/// A SaveChanges that fails and is called again does not pass the same step on twice.
/// </summary>
public sealed class DuplicateFollower : BeforeSaveInterceptor
{
    private readonly ConditionalWeakTable<TimelineEntry, object> _passed = new();

    protected override async Task BeforeSaveAsync(LaporDb db, CancellationToken ct)
    {
        var steps = db.ChangeTracker.Entries<TimelineEntry>()
            .Where(e => e.State == EntityState.Added && e.Entity.Kind is TimelineEntryKind.PublicResponse or TimelineEntryKind.Closed)
            .Select(e => (ReportId: (Guid)e.Property("ReportId").CurrentValue!, Step: e.Entity))
            .Where(s => !_passed.TryGetValue(s.Step, out _)).ToList();
        if (steps.Count == 0)
            return;
        var primaryIds = steps.Select(s => s.ReportId).Distinct().ToList();
        // One indexed query, and only when an answer or a closing is being saved.
        var duplicates = await db.Reports.Where(r => r.DuplicateOfId != null && primaryIds.Contains(r.DuplicateOfId.Value) && r.Status != ReportStatus.Closed)
            .ToListAsync(ct);
        var reports = db.ChangeTracker.Entries<Report>().Select(e => e.Entity).ToDictionary(r => r.Id);
        foreach (var (reportId, step) in steps.OrderBy(s => s.Step.When))
        {
            _passed.AddOrUpdate(step, step);
            if (!reports.TryGetValue(reportId, out var primary))
                continue;
            foreach (var duplicate in duplicates.Where(d => d.DuplicateOfId == primary.Id))
                duplicate.FollowPrimary(primary, step);
        }
    }
}
