using System.Globalization;
using Lapor.Workflows.Decisions.Feel;
using Lapor.Workflows.Execution;

namespace Lapor.Workflows.Decisions;

/// <summary>
/// Evaluates a decision table against variables. A pure function: the same table and variables give the same
/// evaluation, nothing is read or written. A variable the table reads but nobody set is null.
/// </summary>
public static class DecisionEvaluator
{
    public static DecisionEvaluation Evaluate(DecisionTable table, IReadOnlyDictionary<string, object?> variables)
    {
        var inputValues = table.Inputs.Select(i => Coerce(i.Expression.Evaluate(variables), i.TypeRef)).ToList();
        var matched = table.Rules
            .Where(rule => rule.InputEntries.Select((test, column) => test.Matches(inputValues[column])).All(m => m))
            .ToList();
        var hits = Apply(table, matched, variables);
        // FIRST uses one rule; the history names the rule that decided, as Camunda's historic decision instance does.
        if (table.HitPolicy == HitPolicy.First)
            matched = matched.Take(1).ToList();
        var inputs = table.Inputs.Select((input, column) =>
            new DecisionEvaluation.InputValue(input.Id, input.Title, ToTyped(inputValues[column], null))).ToList();
        return new DecisionEvaluation(table.Key, inputs, matched.Select(r => new DecisionEvaluation.MatchedRule(r.Id, r.Number)).ToList(), hits);
    }

    private static List<IReadOnlyDictionary<string, TypedValue>> Apply(DecisionTable table, List<DecisionRule> matched, IReadOnlyDictionary<string, object?> variables)
    {
        switch (table.HitPolicy)
        {
            case HitPolicy.Unique when matched.Count > 1:
                throw new DecisionException(
                    $"Decision '{table.Key}' has hit policy UNIQUE but rules {Describe(matched)} all match; only one may.");
            case HitPolicy.First:
                return matched.Take(1).Select(r => Output(table, r, variables)).ToList();
            case HitPolicy.Any:
                var results = matched.Select(r => Output(table, r, variables)).ToList();
                if (results.Skip(1).Any(other => !SameOutput(results[0], other)))
                    throw new DecisionException(
                        $"Decision '{table.Key}' has hit policy ANY but the matching rules {Describe(matched)} give different outputs.");
                return results.Take(1).ToList();
            case HitPolicy.Collect when table.Aggregator != CollectAggregator.None:
                return Aggregate(table, matched.Select(r => Output(table, r, variables)).ToList());
            default:
                return matched.Select(r => Output(table, r, variables)).ToList();
        }
    }

    private static IReadOnlyDictionary<string, TypedValue> Output(DecisionTable table, DecisionRule rule, IReadOnlyDictionary<string, object?> variables)
    {
        var result = new Dictionary<string, TypedValue>(StringComparer.Ordinal);
        foreach (var (output, column) in table.Outputs.Select((o, i) => (o, i)))
            result[output.Name] = ToTyped(Coerce(rule.OutputEntries[column].Evaluate(variables), output.TypeRef), output.TypeRef);
        return result;
    }

    private static List<IReadOnlyDictionary<string, TypedValue>> Aggregate(DecisionTable table, List<IReadOnlyDictionary<string, TypedValue>> results)
    {
        var output = table.Outputs[0];
        if (table.Aggregator == CollectAggregator.Count)
            return [new Dictionary<string, TypedValue> { [output.Name] = new("Long", (long)results.Count) }];
        var values = results.Select(r => FeelValues.Normalise(r[output.Name].Value)).Where(v => v is not null).ToList();
        if (values.Count == 0)
            return [];
        if (values.Any(v => v is not decimal))
            throw new DecisionException(
                $"Decision '{table.Key}': the {table.Aggregator.ToString().ToUpperInvariant()} aggregator needs numbers, but output '{output.Name}' gave {string.Join(", ", values.Select(FeelValues.Describe))}.");
        var numbers = values.Cast<decimal>().ToList();
        var folded = table.Aggregator switch
        {
            CollectAggregator.Sum => numbers.Sum(),
            CollectAggregator.Min => numbers.Min(),
            _ => numbers.Max(),
        };
        return [new Dictionary<string, TypedValue> { [output.Name] = ToTyped(folded, output.TypeRef) }];
    }

    private static bool SameOutput(IReadOnlyDictionary<string, TypedValue> a, IReadOnlyDictionary<string, TypedValue> b) =>
        a.All(entry => FeelValues.AreEqual(entry.Value.Value, b[entry.Key].Value));

    private static string Describe(List<DecisionRule> rules) =>
        string.Join(", ", rules.Select(r => $"{r.Number} ({r.Id})"));

    /// <summary>An input read as text where the column is numeric (or the other way round) is converted when it can be.</summary>
    private static object? Coerce(object? value, string? typeRef)
    {
        value = FeelValues.Normalise(value);
        return (typeRef?.ToLowerInvariant(), value) switch
        {
            ("integer" or "long" or "double" or "number", string text)
                when decimal.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) => n,
            ("boolean", string text) when bool.TryParse(text, out var b) => b,
            ("string", decimal n) => n.ToString(CultureInfo.InvariantCulture),
            _ => value,
        };
    }

    /// <summary>Camunda's value types: the column's typeRef when it has one, else what the value is (whole numbers are Long).</summary>
    private static TypedValue ToTyped(object? value, string? typeRef)
    {
        value = FeelValues.Normalise(value);
        if (value is null)
            return TypedValue.Null;
        return (typeRef?.ToLowerInvariant(), value) switch
        {
            ("integer", decimal n) when n == decimal.Truncate(n) && n is >= int.MinValue and <= int.MaxValue => new TypedValue("Integer", (long)n),
            ("long", decimal n) when n == decimal.Truncate(n) && n is >= long.MinValue and <= long.MaxValue => new TypedValue("Long", (long)n),
            ("double" or "number", decimal n) => new TypedValue("Double", (double)n),
            (_, decimal n) when n == decimal.Truncate(n) && n is >= long.MinValue and <= long.MaxValue => new TypedValue("Long", (long)n),
            (_, decimal n) => new TypedValue("Double", (double)n),
            ("string", var other) when other is not string => new TypedValue("String", FeelValues.Describe(other)),
            _ => TypedValue.From(value),
        };
    }
}
