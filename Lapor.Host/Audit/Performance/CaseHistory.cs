using Lapor.Domain.Reports;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// One report's timeline read as the figures need it: each stay with an agency (from a disposition or forward to the
/// next forward), which agency held it and whether it was closed at a given moment.
/// </summary>
internal sealed class CaseHistory
{
    private readonly List<TimelineEntry> _entries;
    private (DateTimeOffset? Since, bool Known) _openSince;

    public CaseHistory(ReportFacts facts)
    {
        Facts = facts;
        // Entries are written in order; a stable sort only guards against equal timestamps being reshuffled.
        _entries = facts.Timeline.Select((e, i) => (e, i)).OrderBy(x => x.e.When).ThenBy(x => x.i).Select(x => x.e).ToList();
        var assignments = new List<Assignment>();
        foreach (var entry in _entries.Where(e => e.Kind is TimelineEntryKind.Disposed or TimelineEntryKind.Forwarded && e.AgencyCode is not null))
        {
            var from = assignments.Count > 0 ? assignments[^1].Agency : null;
            if (assignments.Count > 0)
                assignments[^1] = assignments[^1] with { EndedAt = entry.When };
            assignments.Add(new Assignment(entry.AgencyCode!, entry.Kind, entry.When, from, null, null));
        }
        Assignments = assignments.Select(a => a with
        {
            FirstResponseAt = _entries.FirstOrDefault(e => e.Kind == TimelineEntryKind.PublicResponse
                && e.When >= a.Start && (a.EndedAt is null || e.When < a.EndedAt))?.When,
        }).ToList();
    }

    public ReportFacts Facts { get; }

    public string Code => Facts.TrackingCode;

    public IReadOnlyList<Assignment> Assignments { get; }

    public IEnumerable<TimelineEntry> Entries(TimelineEntryKind kind) => _entries.Where(e => e.Kind == kind);

    /// <summary>The stay that was current at <paramref name="moment"/> (an entry at that very moment counts).</summary>
    public Assignment? AssignmentAt(DateTimeOffset moment) => Assignments.LastOrDefault(a => a.Start <= moment);

    /// <summary>
    /// The moments the agency's handling ended: an answer the reporter is asked to confirm, or the final close. For the
    /// figures both end the agency's work; a reopen after either starts it again.
    /// </summary>
    public IEnumerable<TimelineEntry> Finishes() =>
        _entries.Where(e => e.Kind is TimelineEntryKind.AwaitingConfirmation or TimelineEntryKind.Closed);

    /// <summary>Whether the agency's handling was finished at <paramref name="moment"/> (see <see cref="Finishes"/>).</summary>
    public bool ClosedAt(DateTimeOffset moment) =>
        _entries.LastOrDefault(e => e.When <= moment
            && e.Kind is TimelineEntryKind.AwaitingConfirmation or TimelineEntryKind.Closed or TimelineEntryKind.Reopened)?.Kind
        is TimelineEntryKind.AwaitingConfirmation or TimelineEntryKind.Closed;

    public bool ReopenedAfter(DateTimeOffset moment) => _entries.Any(e => e.Kind == TimelineEntryKind.Reopened && e.When > moment);

    /// <summary>
    /// The times the report was held open by an agency (a stay had started and the last finish or reopen was not a
    /// finish), judged as <see cref="ClosedAt"/> judges them at each moment the state can change; the run still open
    /// has no end.
    /// </summary>
    public IEnumerable<(DateTimeOffset From, DateTimeOffset? To)> OpenRuns()
    {
        if (Assignments.Count == 0)
            yield break;
        var firstStay = Assignments.Min(a => a.Start);
        var changes = Finishes().Concat(Entries(TimelineEntryKind.Reopened)).Select(e => e.When)
            .Where(t => t > firstStay).Append(firstStay).Distinct().Order().ToList();
        DateTimeOffset? runStart = null;
        foreach (var moment in changes)
        {
            var open = !ClosedAt(moment);
            if (open && runStart is null)
                runStart = moment;
            else if (!open && runStart is { } from)
            {
                yield return (from, moment);
                runStart = null;
            }
        }
        if (runStart is { } since)
            yield return (since, null);
    }

    /// <summary>Since when the report has been held open by an agency, if it still is.</summary>
    public DateTimeOffset? OpenSince
    {
        get
        {
            // Asked once per period the report is counted in, so worked out once.
            if (!_openSince.Known)
                _openSince = (OpenRuns().Where(r => r.To is null).Select(r => (DateTimeOffset?)r.From).SingleOrDefault(), true);
            return _openSince.Since;
        }
    }

    /// <summary>A stay with one agency: it starts with a disposition or forward and ends with the next forward.</summary>
    internal sealed record Assignment(
        string Agency,
        TimelineEntryKind Kind,
        DateTimeOffset Start,
        string? FromAgency,
        DateTimeOffset? EndedAt,
        DateTimeOffset? FirstResponseAt);
}
