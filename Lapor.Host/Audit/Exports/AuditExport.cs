namespace Lapor.Host.Audit.Exports;

/// <summary>What one export holds: who made it and when, whether the reporter was revealed (and why), and the cases.</summary>
public sealed record AuditExport(
    DateTimeOffset ExportedAt,
    string ExportedBy,
    string Scope,
    bool ReporterRevealed,
    string? RevealReason,
    IReadOnlyList<CaseExport> Cases);

/// <summary>One case: the report's facts, its public timeline and the engine's journal of its process instance.</summary>
public sealed record CaseExport(
    string TrackingCode,
    string? InstanceId,
    string Type,
    string Title,
    string Description,
    string Category,
    string? Agency,
    string Status,
    string Stage,
    DateTimeOffset SubmittedAt,
    DateTimeOffset? ClosedAt,
    bool Anonymous,
    bool Confidential,
    ReporterExport Reporter,
    int? RatingStars,
    string? RatingComment,
    IReadOnlyList<TimelineExport> Timeline,
    IReadOnlyList<JournalExport> Journal);

/// <summary>The reporter as exported: <see cref="Redacted"/> text in every field unless an auditor revealed it.</summary>
public sealed record ReporterExport(bool Revealed, string Name, string? Email, string? Phone, string? AccountId)
{
    public const string Redacted = "[disembunyikan]";
}

public sealed record TimelineExport(DateTimeOffset When, string Kind, string? Actor, string? Agency, string Text);

/// <summary>One engine history row, with its chain position and hash so a reader can re-verify it.</summary>
public sealed record JournalExport(
    long Seq,
    DateTimeOffset Time,
    string Kind,
    string? Actor,
    string? ActivityId,
    string? ActivityName,
    string? ActivityType,
    string? TaskId,
    string? Name,
    string? Value,
    string? Detail,
    string Hash);
