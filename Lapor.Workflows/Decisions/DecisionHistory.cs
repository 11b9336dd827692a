using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Decisions;

/// <summary>
/// The JSON kept in a <c>DecisionEvaluated</c> history row: enough for an auditor to see why a case went where it
/// went, even after the table has changed (decision key and version, every input value, the matched rules, outputs).
/// </summary>
public sealed record DecisionHistory(
    string DecisionKey,
    int Version,
    string DecisionDefinitionId,
    IReadOnlyList<DecisionHistory.Input> Inputs,
    IReadOnlyList<DecisionHistory.Rule> MatchedRules,
    IReadOnlyList<IReadOnlyDictionary<string, DecisionHistory.Value>> Outputs,
    string? ResultVariable,
    DecisionHistory.Value? Result)
{
    public sealed record Input(string Id, string Title, DecisionHistory.Value Value);

    public sealed record Rule(string Id, int Number);

    public sealed record Value(string Type, string? Text);

    public static DecisionHistory Of(string key, int version, string id, DecisionEvaluation evaluation, string? resultVariable, TypedValue? result) => new(
        key, version, id,
        evaluation.Inputs.Select(i => new Input(i.Id, i.Title, ValueOf(i.Value))).ToList(),
        evaluation.MatchedRules.Select(r => new Rule(r.Id, r.Number)).ToList(),
        evaluation.Results.Select(r => (IReadOnlyDictionary<string, Value>)r.ToDictionary(e => e.Key, e => ValueOf(e.Value))).ToList(),
        resultVariable,
        result is null ? null : ValueOf(result));

    private static Value ValueOf(TypedValue value) => new(value.Type, value.Serialize());
}
