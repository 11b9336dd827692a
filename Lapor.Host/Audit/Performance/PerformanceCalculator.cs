using Lapor.Domain.Reports;
using Lapor.Workflows.Calendars;

namespace Lapor.Host.Audit.Performance;

/// <summary>
/// Computes the agency figures from report facts and the business calendar, nothing else: no database, no clock.
/// Every rule is written down in docs/decisions/009-performance-figures.md; keep the two in step.
/// </summary>
public sealed class PerformanceCalculator(BusinessCalendar calendar, int deadlineWorkingDays = PerformanceCalculator.DefaultDeadlineWorkingDays)
{
    /// <summary>The agency's response deadline in the shipped process (tindak lanjut, 5 working days).</summary>
    public const int DefaultDeadlineWorkingDays = 5;

    public int DeadlineWorkingDays => deadlineWorkingDays;

    public PerformanceReport Compute(IEnumerable<ReportFacts> reports, Period period, DateTimeOffset now) =>
        Compute(reports, period, now, settledOnly: false);

    /// <summary>
    /// One report's part of the period's figures that no longer depends on when it is asked (decision 035): everything
    /// except an open report's current run, whose backlog and unanswered lateness change as days pass. Judged as if
    /// asked after the report's last step, with the period over. <see cref="OpenStays"/> carries the rest.
    /// </summary>
    public PerformanceReport Settled(ReportFacts report, Period period) =>
        Compute([report], period, DateTimeOffset.MaxValue, settledOnly: true);

    private PerformanceReport Compute(IEnumerable<ReportFacts> reports, Period period, DateTimeOffset now, bool settledOnly)
    {
        var (start, end) = period.Bounds(calendar.Zone);
        var asOf = now < end ? now : end;
        bool In(DateTimeOffset t) => t >= start && t < end;
        var agencies = new Dictionary<string, AgencyFigures>(StringComparer.Ordinal);
        AgencyFigures Of(string code) => agencies.TryGetValue(code, out var f) ? f : agencies[code] = new AgencyFigures(code);
        var submitted = new SortedSet<string>(StringComparer.Ordinal);

        foreach (var facts in reports)
        {
            var history = new CaseHistory(facts);
            var code = history.Code;
            if (In(facts.SubmittedAt))
                submitted.Add(code);

            foreach (var stay in history.Assignments)
            {
                if (In(stay.Start))
                {
                    Of(stay.Agency).Add(Figure.Received, code);
                    if (stay.Kind == TimelineEntryKind.Forwarded && stay.FromAgency is not null)
                        Of(stay.FromAgency).Add(Figure.Forwarded, code);
                    Deadline(history, stay, now, Of(stay.Agency), settledOnly);
                }
            }
            if (history.Assignments.FirstOrDefault(a => a.Kind == TimelineEntryKind.Disposed) is { } disposition && In(disposition.Start))
                Of(disposition.Agency).Add(Figure.Verified, code);

            var closes = history.Finishes().ToList();
            if (closes.Count > 0 && In(closes[^1].When) && !history.ReopenedAfter(closes[^1].When)
                && history.AssignmentAt(closes[^1].When) is { } closer)
                Of(closer.Agency).Add(Figure.Completed, code);
            if (closes.Count > 0 && In(closes[0].When) && history.AssignmentAt(closes[0].When) is { } firstCloser)
            {
                Of(firstCloser.Agency).Add(Figure.ClosedFirst, code);
                if (history.ReopenedAfter(closes[0].When))
                    Of(firstCloser.Agency).Add(Figure.Reopened, code);
            }

            if (facts is { RatingStars: { } stars, RatedAt: { } ratedAt } && In(ratedAt) && history.AssignmentAt(ratedAt) is { } rated)
                Of(rated.Agency).AddRating(code, stars);

            // Backlog is a snapshot at the end of the period (or now while it runs).
            if (facts.SubmittedAt < asOf && history.AssignmentAt(asOf) is { } holder && !history.ClosedAt(asOf)
                && !(settledOnly && history.OpenSince <= asOf))
                Of(holder.Agency).Add(Bucket(calendar.WorkingDaysBetween(holder.Start, asOf)), code);
            // Completion follows the period's intake to today: of what the agency received in the period and still
            // holds, how much is closed now.
            if (history.AssignmentAt(now) is { } current && history.Assignments.Any(a => a.Agency == current.Agency && In(a.Start)))
            {
                Of(current.Agency).Add(Figure.CompletionBase, code);
                if (history.ClosedAt(now))
                    Of(current.Agency).Add(Figure.CompletionDone, code);
            }
        }

        var total = new AgencyFigures(AgencyFigures.AllAgencies);
        foreach (var figures in agencies.Values)
            figures.MergeInto(total);
        return Ranked(period, asOf, agencies.Values, total, submitted.Count);
    }

    /// <summary>The report with its agencies ranked: completion rate first, then on-time share, intake and code.</summary>
    internal static PerformanceReport Ranked(Period period, DateTimeOffset asOf, IEnumerable<AgencyFigures> agencies, AgencyFigures total, int submitted)
    {
        var all = agencies.ToList();
        var ranked = all.Where(a => a.CompletionRate is not null)
            .OrderByDescending(a => a.CompletionRate).ThenByDescending(a => a.OnTimeShare ?? -1).ThenByDescending(a => a.Count(Figure.Received))
            .ThenBy(a => a.AgencyCode, StringComparer.Ordinal).ToList();
        for (var i = 0; i < ranked.Count; i++)
            ranked[i].Rank = i + 1;
        var ordered = all.OrderBy(a => a.Rank ?? int.MaxValue).ThenBy(a => a.AgencyCode, StringComparer.Ordinal).ToList();
        return new PerformanceReport(period, asOf, ordered, total, submitted);
    }

    /// <summary>
    /// On time, late, or not yet decided (still within the deadline, or passed on before any answer), judged now: an
    /// assignment at the end of a month is answered in the next one and still counts for the month it started in.
    /// </summary>
    private void Deadline(CaseHistory history, CaseHistory.Assignment stay, DateTimeOffset now, AgencyFigures figures, bool settledOnly)
    {
        if (stay.FirstResponseAt is { } answered && answered <= now)
        {
            var days = calendar.WorkingDaysBetween(stay.Start, answered);
            figures.AddResponse(history.Code, days);
            figures.Add(days <= deadlineWorkingDays ? Figure.OnTime : Figure.Late, history.Code);
        }
        // Unanswered and overdue is judged now: only the current stay of a report still open can be, and that part is
        // left to the open stays when only the settled part is asked for.
        else if (!settledOnly && (stay.EndedAt is null || stay.EndedAt > now) && !history.ClosedAt(now)
                 && calendar.WorkingDaysBetween(stay.Start, now) > deadlineWorkingDays)
        {
            figures.Add(Figure.Late, history.Code);
        }
    }

    internal static Figure Bucket(int workingDays) => BacklogBuckets.First(b => workingDays <= b.MostWorkingDays).Figure;

    /// <summary>The backlog's age buckets, youngest first: a stay is in the first whose limit its working days are within.</summary>
    internal static readonly (int MostWorkingDays, Figure Figure)[] BacklogBuckets =
    [
        (5, Figure.Backlog0To5), (10, Figure.Backlog6To10), (20, Figure.Backlog11To20), (int.MaxValue, Figure.BacklogOver20),
    ];
}
