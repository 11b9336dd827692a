namespace Lapor.Workflows.Persistence;

/// <summary>
/// The designer's work in progress on one process key: saved at any time, never run. Only publishing turns it into a
/// <see cref="ProcessDefinitionRow"/>, so a draft cannot affect a running case. One current draft per key.
/// </summary>
internal sealed class ProcessDraftRow
{
    public required string Key { get; set; }
    public required string Xml { get; set; }
    public required string SavedBy { get; set; }
    public DateTime SavedAt { get; set; }

    /// <summary>The version the draft was started from (null for a new process), to warn when someone published since.</summary>
    public int? BaseVersion { get; set; }
}
