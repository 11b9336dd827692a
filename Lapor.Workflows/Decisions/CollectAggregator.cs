namespace Lapor.Workflows.Decisions;

/// <summary>The aggregator of a COLLECT table (<c>aggregation="SUM"</c>…); None collects a list.</summary>
public enum CollectAggregator
{
    None,
    Sum,
    Min,
    Max,
    Count,
}
