using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Workflows.Calendars;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Keeps the dashboard's reporting tables in step with the reports in the very SaveChanges that changes them, whatever
/// path did it (intake, a process command through <c>ReportStageListener</c>, the reporter, a duplicate following its
/// primary): the months, the tally changes and the open stays commit or roll back with the steps they stand for
/// (decisions 033 and 035). Only a new report, a new timeline step or a rating can change them; a stage change alone
/// costs nothing. Registered after <see cref="SimilarReports.DuplicateFollower"/>, so the steps it adds to duplicates
/// count too.
/// </summary>
public sealed class PerformanceMarker(BusinessCalendar calendar) : BeforeSaveInterceptor
{
    private readonly PerformanceCalculator _calculator = new(calendar);

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
        // A save that failed and is tried again must not count its changes twice: they are computed afresh below.
        foreach (var pending in db.ChangeTracker.Entries<PerformanceTallyChange>().Where(e => e.State == EntityState.Added).ToList())
            pending.State = EntityState.Detached;

        var months = db.Set<PerformanceMonth>();
        var openStays = db.Set<PerformanceOpenStay>();
        // One look-up by each table's key (report first) for the reports that had rows; a new report has none yet.
        var storedMonths = changed.Count == 0 ? [] : await months.Where(m => changed.Contains(m.ReportId)).ToListAsync(ct);
        var storedStays = changed.Count == 0 ? [] : await openStays.Where(s => changed.Contains(s.ReportId)).ToListAsync(ct);
        var currentMonths = storedMonths.Concat(Added<PerformanceMonth>(db)).ToLookup(m => m.ReportId);
        var currentStays = storedStays.Concat(Added<PerformanceOpenStay>(db)).ToLookup(s => s.ReportId);
        // One change row per tally for the whole save, however many reports it changes (a duplicate following its primary).
        var deltas = new Dictionary<TallyKey, int>();
        foreach (var report in reports)
        {
            var facts = ReportFacts.Of(report);
            var marks = PerformanceMarks.Of(report.Id, facts, calendar.Zone);
            var tallies = PerformanceTallies.Of(facts, marks, _calculator, calendar.Zone);
            var before = added.Contains(report.Id) ? [] : Before(db, report);
            foreach (var (key, delta) in PerformanceTallies.Difference(before, tallies))
                deltas[key] = deltas.GetValueOrDefault(key) + delta;

            var missing = PerformanceMarks.Months(marks, calendar.Zone).Select(m => new PerformanceMonth(report.Id, m)).ToHashSet();
            foreach (var month in currentMonths[report.Id])
                if (!missing.Remove(month))
                    months.Remove(month);
            months.AddRange(missing);

            var stays = PerformanceTallies.OpenStays(report.Id, facts, tallies, calendar.Zone).ToDictionary(s => s.Seq);
            foreach (var stored in currentStays[report.Id])
            {
                if (!stays.Remove(stored.Seq, out var stay))
                    openStays.Remove(stored);
                else
                    db.Entry(stored).CurrentValues.SetValues(stay); // only what differs is written
            }
            openStays.AddRange(stays.Values);
        }
        foreach (var (key, delta) in deltas.Where(d => d.Value != 0))
            db.Add(new PerformanceTallyChange { Period = key.Period, Agency = key.Agency, Figure = key.Figure, Value = key.Value, Delta = delta });
    }

    /// <summary>
    /// The report as it was stored before this save: its steps without the ones being added and its rating as loaded.
    /// The tallies counted that state, so counting it again gives what to take away.
    /// </summary>
    private Dictionary<TallyKey, int> Before(LaporDb db, Report report)
    {
        var steps = report.Timeline.Where(t => db.Entry(t).State != EntityState.Added).ToList();
        int? stars = null;
        DateTimeOffset? ratedAt = null;
        if (report.Rating is { } rating && db.Entry(rating) is { State: not EntityState.Added } entry)
        {
            stars = (int?)entry.Property(nameof(Rating.Stars)).OriginalValue;
            ratedAt = (DateTimeOffset?)entry.Property(nameof(Rating.RatedAt)).OriginalValue;
        }
        var facts = new ReportFacts(report.TrackingCode.ToString(), report.SubmittedAt, steps, stars, ratedAt);
        return PerformanceTallies.Of(facts, PerformanceMarks.Of(report.Id, facts, calendar.Zone), _calculator, calendar.Zone);
    }

    private static IEnumerable<T> Added<T>(LaporDb db) where T : class =>
        db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).Select(e => e.Entity);
}
