using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Decisions;

/// <summary>
/// What one evaluation saw and decided: the value of each input column, the rules that matched (id and number),
/// and the results (one entry per output name), as history keeps and the REST API returns them.
/// </summary>
public sealed record DecisionEvaluation(
    string DecisionKey,
    IReadOnlyList<DecisionEvaluation.InputValue> Inputs,
    IReadOnlyList<DecisionEvaluation.MatchedRule> MatchedRules,
    IReadOnlyList<IReadOnlyDictionary<string, TypedValue>> Results)
{
    public sealed record InputValue(string Id, string Title, TypedValue Value);

    public sealed record MatchedRule(string Id, int Number);
}
