namespace Lapor.Workflows.Persistence;

/// <summary>The decision editor's work in progress on one decision key; never evaluated. One current draft per key.</summary>
internal sealed class DecisionDraftRow
{
    public required string Key { get; set; }
    public required string Xml { get; set; }
    public required string SavedBy { get; set; }
    public DateTime SavedAt { get; set; }

    /// <summary>The version the draft started from (null for a new table), to warn when someone published since.</summary>
    public int? BaseVersion { get; set; }
}
