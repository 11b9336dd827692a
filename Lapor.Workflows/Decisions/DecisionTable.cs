namespace Lapor.Workflows.Decisions;

/// <summary>
/// One DMN decision with a decision table, as parsed and checked at deploy time: every cell is already read, so
/// evaluation cannot meet a syntax error.
/// </summary>
public sealed record DecisionTable(
    string Key,
    string? Name,
    HitPolicy HitPolicy,
    CollectAggregator Aggregator,
    IReadOnlyList<DecisionInput> Inputs,
    IReadOnlyList<DecisionOutput> Outputs,
    IReadOnlyList<DecisionRule> Rules);
