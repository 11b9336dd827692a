namespace Lapor.Domain.Reports;

public sealed partial class Report
{
    public const int ReasonMaxLength = 1000;
    public const int ResponseMaxLength = 5000;
    public const int StageTextMaxLength = 1000;
    public const int StageKeyMaxLength = 100;

    /// <summary>Disposisi: routes the verified report to the institution that must handle it.</summary>
    public IReadOnlyList<FieldError> Dispose(
        string agencyCode,
        string actor,
        DateTimeOffset now)
    {
        var agency = RequireAgency(agencyCode);
        var by = RequireActor(actor);
        if (Status == ReportStatus.Closed)
        {
            return Refuse(nameof(Status), ReportMessages.ReportClosed);
        }

        // Every move after the first must say why, so a second disposition is a forward.
        if (ResponsibleAgencyCode is not null)
        {
            return Refuse("AgencyCode", ReportMessages.AlreadyDisposed);
        }

        ResponsibleAgencyCode = agency;
        Record(now, TimelineEntryKind.Disposed, text: null, by, agency);
        return [];
    }

    /// <summary>
    /// Passes the report to another institution, e.g. when the current one finds it is not in its remit
    /// (bukan wewenang). There is no wrong door: the report moves on, never drops, and the reporter can
    /// read why.
    /// </summary>
    public IReadOnlyList<FieldError> ForwardTo(
        string agencyCode,
        string? reason,
        string actor,
        DateTimeOffset now)
    {
        var agency = RequireAgency(agencyCode);
        var by = RequireActor(actor);
        if (Status == ReportStatus.Closed)
        {
            return Refuse(nameof(Status), ReportMessages.ReportClosed);
        }

        if (agency == ResponsibleAgencyCode)
        {
            return Refuse("AgencyCode", ReportMessages.SameAgency);
        }

        var errors = new List<FieldError>();
        var why = CleanPublicText(reason, "Reason", ReasonMaxLength, required: true, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        ResponsibleAgencyCode = agency;
        Record(now, TimelineEntryKind.Forwarded, why!, by, agency);
        return [];
    }

    /// <summary>Records that the process moved the report to another stage, with the text the reporter reads.</summary>
    public IReadOnlyList<FieldError> MoveToStage(
        string stageKey,
        string? publicText,
        DateTimeOffset now)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stageKey);
        var key = stageKey.Trim();
        if (key.Length > StageKeyMaxLength || TextInput.HasForbiddenCharacter(key, multiline: false))
        {
            throw new ArgumentException($"'{stageKey}' is not a usable stage key.", nameof(stageKey));
        }

        var errors = new List<FieldError>();
        var text = CleanPublicText(publicText, "PublicText", StageTextMaxLength, required: true, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        Stage = key;
        Record(now, TimelineEntryKind.StageChanged, text!, actor: null);
        return [];
    }

    /// <summary>Tindak lanjut: the institution's answer, published on the report.</summary>
    public IReadOnlyList<FieldError> AddPublicResponse(
        string? text,
        string actor,
        DateTimeOffset now)
    {
        var by = RequireActor(actor);
        return AddText(TimelineEntryKind.PublicResponse, "Text", text, by, now);
    }

    /// <summary>
    /// A question to the reporter (kelengkapan data): public, because the reporter reads it on the tracking page and
    /// answers there.
    /// </summary>
    public IReadOnlyList<FieldError> AskReporter(
        string? question,
        string actor,
        DateTimeOffset now)
    {
        var by = RequireActor(actor);
        return AddText(TimelineEntryKind.InformationRequested, "Question", question, by, now);
    }

    /// <summary>
    /// Why the report went the way it did (e.g. why it was archived), in words for the reporter. Public, like every
    /// timeline entry; unlike a response it may come after the report is closed, since it explains the closing.
    /// </summary>
    public IReadOnlyList<FieldError> Explain(
        string? text,
        string actor,
        DateTimeOffset now)
    {
        var by = RequireActor(actor);
        return AddText(TimelineEntryKind.Explanation, "Explanation", text, by, now, ReasonMaxLength, evenWhenClosed: true);
    }

    /// <summary>The reporter's answer, e.g. the data an institution asked for.</summary>
    public IReadOnlyList<FieldError> AddReporterReply(
        string? text,
        DateTimeOffset now) =>
        AddText(TimelineEntryKind.ReporterReply, "Reply", text, actor: null, now);

    private IReadOnlyList<FieldError> AddText(
        TimelineEntryKind kind,
        string field,
        string? text,
        string? actor,
        DateTimeOffset now,
        int maxLength = ResponseMaxLength,
        bool evenWhenClosed = false)
    {
        if (Status == ReportStatus.Closed && !evenWhenClosed)
        {
            return Refuse(nameof(Status), ReportMessages.ReportClosed);
        }

        var errors = new List<FieldError>();
        var clean = CleanPublicText(text, field, maxLength, required: true, errors);
        if (errors.Count > 0)
        {
            return errors;
        }

        Record(now, kind, clean!, actor);
        return [];
    }
}
