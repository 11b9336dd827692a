namespace Lapor.Host.Audit.Exports;

/// <summary>
/// A period export built in the background (decision 036): who asked, for what, how far the build has come, and where
/// the finished file is kept (the attachment store, under <see cref="StoredName"/>) until it expires.
/// </summary>
public sealed class PreparedExport
{
    public Guid Id { get; init; }

    /// <summary>The account that asked; only it may see the progress and fetch the file.</summary>
    public required string RequestedBy { get; init; }

    /// <summary>The period's code (<c>2026-11</c>, <c>2026-S1</c>, <c>2026</c>).</summary>
    public required string Period { get; init; }

    /// <summary><c>csv</c>, <c>json</c> or <c>xlsx</c>.</summary>
    public required string Format { get; init; }

    /// <summary>The requester sees escalated cases only (the Ombudsman), decided when they asked.</summary>
    public bool EscalatedOnly { get; init; }

    /// <summary>Set when an auditor revealed the reporter; the reveal is logged before the file is written.</summary>
    public string? RevealReason { get; init; }

    public PreparedExportState State { get; set; }

    /// <summary>Cases read so far, of <see cref="CasesTotal"/> submitted in the period.</summary>
    public int CasesDone { get; set; }

    public int CasesTotal { get; set; }

    /// <summary>Cases written to the file (fewer than read when only escalated ones count, or XLSX's cap applied).</summary>
    public int CasesWritten { get; set; }

    public DateTime CreatedAt { get; init; }

    /// <summary>A build holds its export until then and moves it on as it goes; a host that died leaves it to another.</summary>
    public DateTime? ClaimedUntil { get; set; }

    public DateTime? FinishedAt { get; set; }

    public long? Length { get; set; }

    public string? Error { get; set; }

    public string StoredName => $"ekspor-{Id:N}.{Format}";

    public string Scope => $"period:{Period}";
}

public enum PreparedExportState
{
    Queued = 0,
    Building = 1,
    Ready = 2,
    Failed = 3,
}
