namespace Lapor.Workflows.Queries;

/// <summary>
/// A position in a time-ordered history list: the time of the event that anchors the item (a task's creation, a
/// node's start…), then its chain and its seq in that chain, which break ties between events written in one command
/// (they share a timestamp). Every item such a list returns carries its own cursor; cursors compare in that order.
/// </summary>
public sealed record HistoryCursor(DateTime Time, string ChainId, long Seq) : IComparable<HistoryCursor>
{
    public int CompareTo(HistoryCursor? other)
    {
        if (other is null)
            return 1;
        var byTime = Time.CompareTo(other.Time);
        if (byTime != 0)
            return byTime;
        var byChain = string.CompareOrdinal(ChainId, other.ChainId);
        return byChain != 0 ? byChain : Seq.CompareTo(other.Seq);
    }
}
