namespace Lapor.Workflows.History;

/// <summary>The head of a chain: without it, deleting the newest rows would leave a shorter chain that still verifies.</summary>
internal sealed class HistoryChainRow
{
    public required string ChainId { get; set; }
    public long LastSeq { get; set; }
    public required string LastHash { get; set; }
    public int Revision { get; set; }
}
