using System.Security.Claims;
using Lapor.Domain.Reports;
using Lapor.Workflows.Queries;

namespace Lapor.Host.Audit.Exports;

/// <summary>
/// Builds the export of one case, and a period's cases step by step for <see cref="ExportBuilder"/>. The reporter's
/// name, contact and account are replaced by <see cref="ReporterExport.Redacted"/> — in the report's fields and wherever
/// they occur in the engine's journal — unless an auditor reveals them with a reason, which <see cref="RevealLog"/>
/// records first.
/// </summary>
public sealed class AuditExporter(HistoryQuery history, CaseLocator cases, RevealLog reveals, TimeProvider clock)
{
    /// <summary>
    /// An XLSX export is for reading in a spreadsheet, built whole in memory: it holds at most this many cases of a period
    /// (CSV and JSON hold them all, written as they are read).
    /// </summary>
    public const int MaxSpreadsheetCases = 5000;

    public async Task<AuditExport?> CaseAsync(ClaimsPrincipal user, string codeOrInstanceId, string? revealReason, CancellationToken ct = default)
    {
        var found = await cases.FindForAsync(user, codeOrInstanceId, ct);
        if (found?.Report is not { } report)
            return null;
        return await BuildAsync(user, $"case:{report.TrackingCode}", [report], revealReason, ct);
    }

    private async Task<AuditExport> BuildAsync(ClaimsPrincipal user, string scope, IReadOnlyList<Report> reports, string? revealReason, CancellationToken ct)
    {
        var actor = user.Identity?.Name ?? throw new InvalidOperationException("Exports need a signed-in user.");
        var reveal = !string.IsNullOrWhiteSpace(revealReason);
        if (reveal)
        {
            if (!AuditAccess.MayRevealReporter(user))
                throw new UnauthorizedAccessException("Only an auditor may reveal a reporter.");
            await reveals.RecordAsync(actor, revealReason!.Trim(), scope, reports.Select(r => r.TrackingCode.ToString()).ToList(), ct);
        }

        var list = await CasesAsync(reports, reveal, ct);
        return new AuditExport(clock.GetUtcNow(), actor, scope, reveal, reveal ? revealReason!.Trim() : null, list);
    }

    /// <summary>The reports as exported cases, each with its journal; the reporter redacted unless <paramref name="reveal"/>.</summary>
    public async Task<IReadOnlyList<CaseExport>> CasesAsync(IReadOnlyList<Report> reports, bool reveal, CancellationToken ct)
    {
        var instanceIds = reports.Select(r => r.ProcessInstanceId).OfType<string>().ToList();
        var journals = await history.JournalsAsync(instanceIds, ct);
        return reports.Select(r => ToExport(r, journals.GetValueOrDefault(r.ProcessInstanceId ?? "") ?? [], reveal)).ToList();
    }

    private static CaseExport ToExport(Report r, IEnumerable<HistoryEntry> journal, bool reveal)
    {
        var who = r.Reporter;
        var reporter = reveal
            ? new ReporterExport(true, who.Name, who.Email, who.Phone, who.UserId)
            : new ReporterExport(false, ReporterExport.Redacted, who.Email is null ? null : ReporterExport.Redacted,
                who.Phone is null ? null : ReporterExport.Redacted, who.UserId is null ? null : ReporterExport.Redacted);
        string? Scrub(string? text) => reveal ? text : Redact(text, who);
        return new CaseExport(
            r.TrackingCode.ToString(), r.ProcessInstanceId, r.Type.ToString(), r.Title, Scrub(r.Description)!, r.CategoryCode,
            r.ResponsibleAgencyCode, r.Status.ToString(), r.Stage, r.SubmittedAt, r.ClosedAt, r.IsAnonymous, r.IsConfidential,
            reporter, r.Rating?.Stars, Scrub(r.Rating?.Comment),
            r.Timeline.Select(t => new TimelineExport(t.When, t.Kind.ToString(), t.Actor, t.AgencyCode, Scrub(t.PublicText)!)).ToList(),
            journal.Select(h => new JournalExport(h.Seq, new DateTimeOffset(DateTime.SpecifyKind(h.Time, DateTimeKind.Utc)), h.Kind.ToString(),
                reveal || h.Actor is null || h.Actor != who.UserId ? h.Actor : ReporterExport.Redacted,
                h.ActivityId, h.ActivityName, h.ActivityType, h.TaskId, h.Name, Scrub(h.Value), Scrub(h.Detail), h.Hash)).ToList());
    }

    /// <summary>The reporter's name, e-mail, phone (as stored and in national form) and account id, wherever they appear.</summary>
    private static string? Redact(string? text, Reporter who)
    {
        if (string.IsNullOrEmpty(text))
            return text;
        var secrets = new List<string?> { who.Email, who.Phone, who.Phone is { Length: > 3 } p ? "0" + p[3..] : null, who.UserId };
        // Short names ("Ani") would blank out ordinary words; the domain applies the same floor to public texts.
        if (who.Name.Length >= 4)
            secrets.Add(who.Name);
        foreach (var secret in secrets.Where(s => !string.IsNullOrEmpty(s)))
            text = text.Replace(secret!, ReporterExport.Redacted, StringComparison.OrdinalIgnoreCase);
        return text;
    }
}
