using System.Text.Json;
using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Decisions;

/// <summary>
/// Camunda's <c>camunda:mapDecisionResult</c>: how a business rule task turns an evaluation into its result variable.
/// Lists and maps become Json variables.
/// </summary>
public static class DecisionResultMapping
{
    public const string SingleEntry = "singleEntry";
    public const string SingleResult = "singleResult";
    public const string CollectEntries = "collectEntries";
    public const string ResultList = "resultList";

    public static readonly IReadOnlyList<string> Names = [SingleEntry, SingleResult, CollectEntries, ResultList];

    public static TypedValue Map(string mapping, DecisionEvaluation evaluation)
    {
        var results = evaluation.Results;
        switch (mapping)
        {
            case SingleEntry:
                if (results.Count > 1)
                    throw new DecisionException($"Decision '{evaluation.DecisionKey}' gave {results.Count} results; singleEntry needs at most one.");
                if (results.Count == 0)
                    return TypedValue.Null;
                if (results[0].Count > 1)
                    throw new DecisionException($"Decision '{evaluation.DecisionKey}' gave a result with {results[0].Count} entries; singleEntry needs one (use singleResult).");
                return results[0].Values.Single();
            case SingleResult:
                if (results.Count > 1)
                    throw new DecisionException($"Decision '{evaluation.DecisionKey}' gave {results.Count} results; singleResult needs at most one.");
                return results.Count == 0 ? TypedValue.Null : Json(ToMap(results[0]));
            case CollectEntries:
                if (results.Any(r => r.Count > 1))
                    throw new DecisionException($"Decision '{evaluation.DecisionKey}' has several outputs; collectEntries needs one (use resultList).");
                return Json(results.Select(r => r.Values.Single().Value).ToList());
            default:
                return Json(results.Select(ToMap).ToList());
        }
    }

    private static Dictionary<string, object?> ToMap(IReadOnlyDictionary<string, TypedValue> result) =>
        result.ToDictionary(e => e.Key, e => e.Value.Value);

    private static TypedValue Json(object value) => new("Json", JsonSerializer.Serialize(value));
}
