namespace Lapor.Domain.Reports;

/// <summary>
/// Duplicates (decision 022): a report about a matter another report already covers is joined to that primary report
/// and from then on receives the primary's answer and its closing. One level only: a primary is never a duplicate, so
/// there are no chains and no cycles; the host also refuses to make a report with duplicates of its own a duplicate.
/// </summary>
public sealed partial class Report
{
    /// <summary>The primary report this one was joined to, or null.</summary>
    public Guid? DuplicateOfId { get; private set; }

    public bool IsDuplicate => DuplicateOfId is not null;

    /// <summary>
    /// Joins this report to <paramref name="primary"/>. Both get a timeline entry; the primary's names no code, since
    /// the duplicate may be confidential. A confidential primary is refused: its answer would reach another reporter.
    /// </summary>
    public IReadOnlyList<FieldError> JoinTo(Report primary, string actor, DateTimeOffset now)
    {
        ArgumentNullException.ThrowIfNull(primary);
        var by = RequireActor(actor);
        var code = primary.TrackingCode.ToString();
        string? refusal = null;
        if (primary.Id == Id)
            refusal = ReportMessages.DuplicateOfItself;
        else if (Status == ReportStatus.Closed)
            refusal = ReportMessages.ReportClosed;
        else if (DuplicateOfId is not null)
            refusal = ReportMessages.DuplicateAlready;
        else if (primary.DuplicateOfId is not null)
            refusal = ReportMessages.DuplicatePrimaryIsDuplicate;
        else if (primary.IsConfidential)
            refusal = ReportMessages.DuplicatePrimaryConfidential;
        else if (primary.Status == ReportStatus.Closed)
            refusal = ReportMessages.DuplicatePrimaryClosed;
        if (refusal is not null)
            return [new FieldError("DuplicateOf", refusal, code)];

        DuplicateOfId = primary.Id;
        Record(now, TimelineEntryKind.MergedInto, code, by);
        primary.Record(now, TimelineEntryKind.DuplicateLinked, text: null, by);
        return [];
    }

    /// <summary>
    /// Passes a step of the primary on to this duplicate: an answer becomes this report's answer (so its reporter reads
    /// it and is notified as for their own), the primary's closing closes this one. The answer was written to the
    /// primary's reporter, so their name and contact are taken out whether or not the primary was anonymous.
    /// </summary>
    public void FollowPrimary(Report primary, TimelineEntry step)
    {
        ArgumentNullException.ThrowIfNull(primary);
        ArgumentNullException.ThrowIfNull(step);
        if (DuplicateOfId != primary.Id || Status == ReportStatus.Closed)
            return;
        switch (step.Kind)
        {
            case TimelineEntryKind.PublicResponse:
                var text = IdentityRedaction.Apply(step.PublicText, primary.Reporter, hideName: true);
                Record(step.When, TimelineEntryKind.PublicResponse, IdentityRedaction.Apply(text, Reporter, hideName: IsAnonymous), step.Actor);
                break;
            case TimelineEntryKind.Closed:
                Close(step.When);
                break;
        }
    }
}
