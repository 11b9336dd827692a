using System.Runtime.CompilerServices;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Delivery;

/// <summary>A public step of a report that the SaveChanges under way is about to store.</summary>
public sealed record AddedStep(Report Report, TimelineEntry Step);

/// <summary>Something written to the outbox for new report steps (reporter notices, national events).</summary>
public interface IReportStepWriter
{
    bool Enabled { get; }

    Task WriteAsync(LaporDb db, IReadOnlyList<AddedStep> steps, CancellationToken ct);
}

/// <summary>
/// Finds the report steps a SaveChanges adds, once, and hands them to every enabled writer, so what they write commits
/// or rolls back with the steps, whatever path made them (portal, API, process, the reporter). One pass over the change
/// tracker serves all writers; a SaveChanges that fails and is called again does not hand the same step over twice.
/// Nothing is written for demo data (<see cref="NoticeSuppression"/>).
/// </summary>
public sealed class ReportStepInterceptor(IEnumerable<IReportStepWriter> writers) : BeforeSaveInterceptor
{
    private readonly IReportStepWriter[] _writers = writers.ToArray();
    private readonly ConditionalWeakTable<TimelineEntry, object> _handed = new();

    protected override async Task BeforeSaveAsync(LaporDb db, CancellationToken ct)
    {
        var active = _writers.Where(w => w.Enabled).ToList();
        if (active.Count == 0 || NoticeSuppression.Active)
            return;
        var added = db.ChangeTracker.Entries<TimelineEntry>().Where(e => e.State == EntityState.Added).ToList();
        if (added.Count == 0)
            return;
        var reports = db.ChangeTracker.Entries<Report>().Select(e => e.Entity).ToDictionary(r => r.Id);
        var steps = added
            .Select(e => reports.TryGetValue((Guid)e.Property("ReportId").CurrentValue!, out var report) ? new AddedStep(report, e.Entity) : null)
            .OfType<AddedStep>().Where(s => _handed.TryAdd(s.Step, s.Step)).OrderBy(s => s.Step.When).ToList();
        if (steps.Count == 0)
            return;
        foreach (var writer in active)
            await writer.WriteAsync(db, steps, ct);
    }
}
