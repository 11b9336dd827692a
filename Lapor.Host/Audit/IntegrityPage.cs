using Lapor.Workflows.History;

namespace Lapor.Host.Audit;

/// <summary>One step of checking every chain: the chains checked in it and where the next step starts (null when done).</summary>
public sealed record IntegrityPage(int TotalChains, IReadOnlyList<ChainVerification> Chains, string? NextAfter)
{
    public long RowsChecked => Chains.Sum(c => c.RowsChecked);

    public IEnumerable<ChainVerification> Broken => Chains.Where(c => !c.Intact);
}
