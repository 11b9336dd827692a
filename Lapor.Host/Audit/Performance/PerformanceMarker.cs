using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Keeps the dashboard's reporting table in step with the reports in the very SaveChanges that changes them, whatever
/// path did it (intake, a process command through <c>ReportStageListener</c>, the reporter, a duplicate following its
/// primary): the marks commit or roll back with the steps they stand for. Only a new report, a new timeline step or a
/// rating can change a report's marks; a stage change alone costs nothing. Registered after
/// <see cref="SimilarReports.DuplicateFollower"/>, so the steps it adds to duplicates are marked too.
/// </summary>
public sealed class PerformanceMarker(BusinessCalendar calendar) : BeforeSaveInterceptor
{
    protected override async Task BeforeSaveAsync(LaporDb db, CancellationToken ct)
    {
        var changed = new HashSet<Guid>();
        var added = new HashSet<Guid>();
        foreach (var entry in db.ChangeTracker.Entries())
        {
            switch (entry.Entity)
            {
                case Report report when entry.State == EntityState.Added:
                    added.Add(report.Id);
                    break;
                case TimelineEntry when entry.State == EntityState.Added:
                case Rating when entry.State is EntityState.Added or EntityState.Modified:
                    changed.Add((Guid)entry.Property("ReportId").CurrentValue!);
                    break;
            }
        }
        changed.ExceptWith(added);
        if (changed.Count == 0 && added.Count == 0)
            return;
        var reports = db.ChangeTracker.Entries<Report>().Where(e => e.State != EntityState.Deleted).Select(e => e.Entity)
            .Where(r => changed.Contains(r.Id) || added.Contains(r.Id)).ToList();
        var marks = db.Set<PerformanceMark>();
        // One look-up by the table's key (report first) for the reports that had marks; a new report has none yet.
        var stored = changed.Count == 0 ? [] : await marks.Where(m => changed.Contains(m.ReportId)).ToListAsync(ct);
        var tracked = db.ChangeTracker.Entries<PerformanceMark>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
        var current = stored.Concat(tracked).ToLookup(m => m.ReportId);
        foreach (var report in reports)
        {
            var wanted = PerformanceMarks.Of(report, calendar.Zone).ToHashSet();
            foreach (var mark in current[report.Id])
                if (!wanted.Remove(mark))
                    marks.Remove(mark);
            marks.AddRange(wanted);
        }
    }
}
