namespace Lapor.Workflows.History;

/// <summary>The outcome of checking one chain: where it first breaks (if it does) and why.</summary>
public sealed record ChainVerification(string ChainId, long RowsChecked, bool Intact, long? BrokenAtSeq, string? Problem);
