using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Runtime;

/// <summary>A designer's work in progress on one process or decision key: never run. Times are UTC.</summary>
public sealed record DesignDraft
{
    public required string Key { get; init; }
    public required string Xml { get; init; }
    public required string SavedBy { get; init; }
    public DateTime SavedAt { get; init; }

    /// <summary>The version the draft was started from (null for a new one), to warn when someone published since.</summary>
    public int? BaseVersion { get; init; }

    internal static DesignDraft Of(ProcessDraftRow d) =>
        new() { Key = d.Key, Xml = d.Xml, SavedBy = d.SavedBy, SavedAt = d.SavedAt, BaseVersion = d.BaseVersion };

    internal static DesignDraft Of(DecisionDraftRow d) =>
        new() { Key = d.Key, Xml = d.Xml, SavedBy = d.SavedBy, SavedAt = d.SavedAt, BaseVersion = d.BaseVersion };
}
