using System.Security.Cryptography;
using Lapor.Domain.Reports;
using Lapor.Host.Data;
using Lapor.Host.Localization;
using Lapor.Host.Operations;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Runtime;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace Lapor.Host.Reports;

/// <summary>
/// Accepts a citizen's report: validates it and its attachments, stores it and starts its process in ONE
/// transaction, so a report never exists without its process instance or the reverse. Used by the portal and the API.
/// </summary>
public sealed class ReportIntake(LaporDb db, WorkflowEngine engine, IAttachmentStore files, TimeProvider clock, LaporMetrics metrics, ILogger<ReportIntake> log)
{
    public AttachmentRules Rules { get; } = AttachmentRules.Default;

    /// <summary>The report keeps the current UI language as its reporter's, for every notice it will send them.</summary>
    /// <param name="alongside">Called once the report exists, before it is saved: rows it adds to the context are saved
    /// in the same transaction (the national connector's link), and a failure to save them stores nothing.</param>
    public async Task<IntakeResult> SubmitAsync(ReportDraft draft, Reporter reporter, IReadOnlyList<IncomingFile> uploads,
        CancellationToken ct = default, Action<Report>? alongside = null)
    {
        var now = clock.GetUtcNow();
        var errors = new List<FieldError>();
        // One connection for the whole intake: each open of a closed one costs more than the query run on it.
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            return await SubmitOpenAsync(draft, reporter, uploads, now, errors, alongside, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<IntakeResult> SubmitOpenAsync(ReportDraft draft, Reporter reporter, IReadOnlyList<IncomingFile> uploads, DateTimeOffset now,
        List<FieldError> errors, Action<Report>? alongside, CancellationToken ct)
    {
        var category = await CheckCatalogueAsync(draft, errors, ct);
        var submitted = Report.Submit(draft, reporter, TrackingCode.New(), now, PortalCultures.Language);
        errors.AddRange(submitted.Errors);
        var checks = CheckAttachments(uploads, errors);
        if (errors.Count > 0 || submitted.Value is not { } report)
            return new IntakeResult(null, errors.Distinct().ToList());

        // The database store writes content inside the transaction, so the transaction comes first; the folder cannot
        // join it, so files are written before it (not holding SQLite's write turn while they copy) and removed below.
        var saved = new List<string>();
        var committed = false;
        IDbContextTransaction? transaction = null;
        try
        {
            if (files.SavesInTransaction)
                transaction = await db.Database.BeginTransactionAsync(ct);
            foreach (var (upload, check) in uploads.Zip(checks))
            {
                Attachment attachment;
                await using (var content = upload.Open())
                    attachment = Attachment.Create(check, upload.Length, await SHA256.HashDataAsync(content, ct));
                if (report.AddAttachment(attachment, Rules) is { Count: > 0 } refused)
                    return new IntakeResult(null, refused);
                saved.Add(attachment.StoredName);
                await using var again = upload.Open();
                await files.SaveAsync(attachment.StoredName, again, upload.Length, ct);
            }

            // Without a transaction of ours, the engine's start saves the report with the instance in its own, which
            // it begins only when it saves: everything worked out before, outside the other writers' wait.
            db.Reports.Add(report);
            alongside?.Invoke(report);
            if (transaction is not null)
                await db.SaveChangesAsync(ct);
            var variables = VariablesOf(report, report.TargetAgencyCode ?? category!.DefaultAgencyCode);
            var instance = await engine.StartAsync(new StartRequest(LaporProcess.Key, report.TrackingCode.ToString(), variables) { Category = report.CategoryCode },
                reporter.UserId ?? "guest", ct);
            // In the engine's own transaction the report is stored from here on: its files must stay.
            committed = transaction is null;
            // Usually already attached and saved by the engine's command (ReportStageListener); saved here otherwise.
            report.AttachProcess(instance.Id);
            if (db.ChangeTracker.HasChanges())
                await db.SaveChangesAsync(ct);
            if (transaction is not null)
                await transaction.CommitAsync(ct);
            committed = true;
            metrics.ReportReceived(report.Type);
            log.LogInformation("Report {Code} stored with process instance {Instance}", report.TrackingCode, instance.Id);
            return new IntakeResult(report, []);
        }
        finally
        {
            if (transaction is not null)
                await transaction.DisposeAsync(); // without a commit, a rollback: content rows go with it
            if (!committed)
                await ForgetAsync(saved);
        }
    }

    /// <summary>
    /// The report was not acknowledged (refused, failed or cancelled): leave no orphan file and no half-tracked rows.
    /// A refused attachment returns early too, after earlier files were already written.
    /// </summary>
    private async Task ForgetAsync(List<string> saved)
    {
        db.ChangeTracker.Clear();
        if (files.SavesInTransaction)
            return;
        foreach (var name in saved)
        {
            try
            {
                // Not the request's token: a cancelled request must still clean up.
                await files.DeleteAsync(name, CancellationToken.None);
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
            {
                log.LogError(ex, "Attachment {StoredName} of a report that was not stored could not be deleted", name);
            }
        }
    }

    /// <summary>
    /// What the process branches on, and nothing else: the report's own facts (its id, text, tracking code, which is
    /// the instance's business key, its confidentiality) stay in the report, where the pages read them; each variable
    /// costs a row and a history row per case (decision 028). Never the reporter's identity: officers and auditors see
    /// variables.
    /// </summary>
    private static Dictionary<string, TypedValue> VariablesOf(Report report, string agency) => new()
    {
        ["reportType"] = TypedValue.From(report.Type.ToString()),
        ["category"] = TypedValue.From(report.CategoryCode),
        // The suggested agency: the verifier confirms or changes it. The routing table (rute-instansi.dmn) reads the
        // reporter's own choice, the category and the area, and replaces this suggestion before verification.
        ["agency"] = TypedValue.From(agency),
        ["targetAgency"] = TypedValue.From(report.TargetAgencyCode),
        // The regency or city of the report's point, for the routing table's area column; null without a point.
        ["wilayah"] = TypedValue.From(ReportArea.Of(report.Latitude, report.Longitude)),
    };

    /// <summary>The draft's category if it is an active one (its default agency routes the report); errors for unknown codes.</summary>
    private async Task<CategoryChoice?> CheckCatalogueAsync(ReportDraft draft, List<FieldError> errors, CancellationToken ct)
    {
        CategoryChoice? category = null;
        if (!string.IsNullOrWhiteSpace(draft.CategoryCode))
        {
            var code = draft.CategoryCode.Trim();
            category = await db.Categories.Where(c => c.Code == code && c.IsActive).Select(c => new CategoryChoice(c.DefaultAgencyCode)).FirstOrDefaultAsync(ct);
            if (category is null)
                errors.Add(Unknown(nameof(ReportDraft.CategoryCode)));
        }
        if (!string.IsNullOrWhiteSpace(draft.TargetAgencyCode)
            && !await db.Agencies.AnyAsync(a => a.Code == draft.TargetAgencyCode.Trim() && a.IsActive, ct))
            errors.Add(Unknown(nameof(ReportDraft.TargetAgencyCode)));
        return category;
    }

    private sealed record CategoryChoice(string DefaultAgencyCode);

    private static FieldError Unknown(string field) => ReportMessages.ForField(field, ReportMessages.UnknownCode);

    private List<AttachmentCheck> CheckAttachments(IReadOnlyList<IncomingFile> uploads, List<FieldError> errors)
    {
        if (uploads.Count > Rules.MaxFiles)
        {
            errors.Add(Rules.CheckCount(uploads.Count)!);
            return [];
        }
        var checks = new List<AttachmentCheck>();
        foreach (var upload in uploads)
        {
            var header = new byte[AttachmentRules.HeaderLength];
            int read;
            using (var stream = upload.Open())
                read = stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            var check = Rules.Check(upload.FileName, upload.ContentType, header.AsSpan(0, read), upload.Length);
            if (check.Error is { } error)
                errors.Add(error);
            checks.Add(check);
        }
        return checks;
    }
}
