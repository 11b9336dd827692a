using System.Xml.Linq;
using Lapor.Workflows.Decisions.Feel;
using Lapor.Workflows.Parsing;

namespace Lapor.Workflows.Decisions;

/// <summary>
/// Reads DMN XML into <see cref="DecisionTable"/>s with the BPMN reader's limits (no DOCTYPE, size, depth). Every cell
/// is parsed here, and every problem names the decision, the rule number, the column and the element id. Each problem
/// carries its rule's code and arguments, so the decision editor can say it in the coordinator's language.
/// </summary>
public static class DmnParser
{
    public static IReadOnlyList<DecisionTable> Parse(string resourceName, string xml)
    {
        var problems = new List<DefinitionProblem>();
        var tables = TryParse(xml, problems);
        if (problems.Count > 0)
            throw new DefinitionException(resourceName, problems);
        return tables;
    }

    public static IReadOnlyList<DecisionTable> TryParse(string xml, List<DefinitionProblem> problems)
    {
        var document = BpmnParser.Load(xml, problems);
        if (document is null)
            return [];
        var root = document.Root!;
        var ns = root.Name.Namespace;
        if (root.Name.LocalName != "definitions" || !DmnNames.Supported.Contains(ns))
        {
            problems.Add(DefinitionProblem.Rule(null, "NotDmn", "The root element is '{0}' in namespace '{1}'; expected DMN 'definitions' in '{2}'.",
                root.Name.LocalName, ns.NamespaceName, DmnNames.Dmn13.NamespaceName));
            return [];
        }
        // Editors (dmn-js among them) drop an element whose id repeats another's, so the table would open differently
        // from how it runs: refuse it here, naming the id.
        foreach (var repeated in root.Descendants().Where(e => e.Attribute("id") is not null).GroupBy(e => (string)e.Attribute("id")!).Where(g => g.Count() > 1))
            problems.Add(DefinitionProblem.Rule(repeated.Key, "IdRepeated", "The id '{0}' is used by {1} elements; every element id in the file must be unique.",
                repeated.Key, Number(repeated.Count())) with { Line = BpmnParser.LineOf(repeated.Skip(1).First()) });
        var decisions = root.Elements(ns + "decision").ToList();
        if (decisions.Count == 0)
            problems.Add(DefinitionProblem.Rule((string?)root.Attribute("id"), "NoDecision", "The file contains no <decision> element."));
        var tables = new List<DecisionTable>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            var before = problems.Count;
            var table = ReadDecision(decision, ns, problems);
            if (table is not null && !keys.Add(table.Key))
                problems.Add(DefinitionProblem.Rule(table.Key, "DecisionRepeated", "Decision id '{0}' appears twice in the file.", table.Key) with { Line = BpmnParser.LineOf(decision) });
            if (table is not null && problems.Count == before)
                tables.Add(table);
        }
        return tables;
    }

    /// <summary>Only the reader's own refusals (size, depth, DOCTYPE, well-formedness): what a draft must pass to be stored.</summary>
    public static IReadOnlyList<DefinitionProblem> CheckMarkup(string xml) => BpmnParser.CheckMarkup(xml);

    private static DecisionTable? ReadDecision(XElement decision, XNamespace ns, List<DefinitionProblem> problems)
    {
        var key = (string?)decision.Attribute("id");
        if (string.IsNullOrWhiteSpace(key))
        {
            problems.Add(DefinitionProblem.Rule(null, "DecisionWithoutId", "A <decision> has no id; the id is the decision key.") with { Line = BpmnParser.LineOf(decision) });
            return null;
        }
        var name = (string?)decision.Attribute("name");
        var table = decision.Element(ns + "decisionTable");
        if (table is null)
        {
            var kind = decision.Elements().Select(e => e.Name.LocalName).FirstOrDefault(n => n is "literalExpression" or "context" or "invocation" or "list" or "relation");
            problems.Add((kind is null
                ? DefinitionProblem.Rule(key, "NoTable", "Decision '{0}' has no <decisionTable>; Lapor evaluates decision tables only.", key)
                : DefinitionProblem.Rule(key, "NotATable", "Decision '{0}' is a <{1}>; Lapor evaluates decision tables only.", key, kind))
                with { Line = BpmnParser.LineOf(decision) });
            return null;
        }
        var tableId = (string?)table.Attribute("id") ?? key;
        var (hitPolicy, aggregator) = ReadHitPolicy(table, tableId, key, problems);

        var inputs = new List<DecisionInput>();
        foreach (var (input, index) in table.Elements(ns + "input").Select((e, i) => (e, i + 1)))
        {
            var id = (string?)input.Attribute("id") ?? $"{tableId}-input{index}";
            var inputLabel = (string?)input.Attribute("label");
            var expression = input.Element(ns + "inputExpression");
            var text = expression?.Element(ns + "text")?.Value;
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(DefinitionProblem.Rule(id, "InputEmpty", "Decision '{0}', input {1} ('{2}'): the input expression is empty; name the variable it reads, e.g. kategori.",
                    key, Number(index), inputLabel ?? id) with { Line = BpmnParser.LineOf(input) });
                continue;
            }
            try
            {
                inputs.Add(new DecisionInput(id, inputLabel, ValueExpression.Parse(text), (string?)expression!.Attribute("typeRef")));
            }
            catch (FeelException ex)
            {
                problems.Add(DefinitionProblem.Rule(id, "InputUnreadable", "Decision '{0}', input {1} ('{2}'): the input expression cannot be read: {3}.",
                    key, Number(index), inputLabel ?? id, ex.Message) with { Line = BpmnParser.LineOf(input) });
            }
        }

        var outputs = new List<DecisionOutput>();
        var outputElements = table.Elements(ns + "output").ToList();
        if (outputElements.Count == 0)
            problems.Add(DefinitionProblem.Rule(tableId, "NoOutput", "Decision '{0}' has no output column; a decision table needs at least one output.", key)
                with { Line = BpmnParser.LineOf(table) });
        foreach (var (output, index) in outputElements.Select((e, i) => (e, i + 1)))
        {
            var id = (string?)output.Attribute("id") ?? $"{tableId}-output{index}";
            var outputLabel = (string?)output.Attribute("label");
            var outputName = (string?)output.Attribute("name");
            if (string.IsNullOrWhiteSpace(outputName))
            {
                // One output may go without a name (its label or id names the result); with several, each needs one.
                if (outputElements.Count > 1)
                {
                    problems.Add(DefinitionProblem.Rule(id, "OutputUnnamed",
                        "Decision '{0}', output {1} ('{2}') has no name; with several outputs each needs a name (the key of the result).",
                        key, Number(index), outputLabel ?? id) with { Line = BpmnParser.LineOf(output) });
                    continue;
                }
                outputName = string.IsNullOrWhiteSpace(outputLabel) ? id : outputLabel;
            }
            if (outputs.Any(o => o.Name == outputName))
                problems.Add(DefinitionProblem.Rule(id, "OutputNameRepeated", "Decision '{0}': two outputs are named '{1}'.", key, outputName)
                    with { Line = BpmnParser.LineOf(output) });
            outputs.Add(new DecisionOutput(id, outputLabel, outputName.Trim(), (string?)output.Attribute("typeRef")));
        }
        if (aggregator != CollectAggregator.None && outputElements.Count > 1)
            problems.Add(DefinitionProblem.Rule(tableId, "AggregatorOutputs", "Decision '{0}': the {1} aggregator needs exactly one output column, not {2}.",
                key, aggregator.ToString().ToUpperInvariant(), Number(outputElements.Count)) with { Line = BpmnParser.LineOf(table) });

        var rules = new List<DecisionRule>();
        foreach (var (rule, number) in table.Elements(ns + "rule").Select((e, i) => (e, i + 1)))
        {
            var read = ReadRule(rule, number, ns, key, table.Elements(ns + "input").ToList(), outputElements, problems);
            if (read is not null)
                rules.Add(read);
        }
        return new DecisionTable(key, name, hitPolicy, aggregator, inputs, outputs, rules);
    }

    private static DecisionRule? ReadRule(XElement rule, int number, XNamespace ns, string key, List<XElement> inputs, List<XElement> outputs,
        List<DefinitionProblem> problems)
    {
        var id = (string?)rule.Attribute("id") ?? $"rule{number}";
        var inputEntries = rule.Elements(ns + "inputEntry").ToList();
        var outputEntries = rule.Elements(ns + "outputEntry").ToList();
        var ok = true;
        if (inputEntries.Count != inputs.Count)
        {
            problems.Add(DefinitionProblem.Rule(id, "InputCells", "Decision '{0}', rule {1} has {2} input cells but the table has {3} inputs.",
                key, Number(number), Number(inputEntries.Count), Number(inputs.Count)) with { Line = BpmnParser.LineOf(rule) });
            ok = false;
        }
        if (outputEntries.Count != outputs.Count)
        {
            problems.Add(DefinitionProblem.Rule(id, "OutputCells", "Decision '{0}', rule {1} has {2} output cells but the table has {3} outputs.",
                key, Number(number), Number(outputEntries.Count), Number(outputs.Count)) with { Line = BpmnParser.LineOf(rule) });
            ok = false;
        }
        var tests = new List<UnaryTests>();
        foreach (var (entry, index) in inputEntries.Select((e, i) => (e, i)))
        {
            var column = index < inputs.Count ? ColumnName(inputs[index], "input", index) : $"input {index + 1}";
            try
            {
                tests.Add(UnaryTests.Parse(entry.Element(ns + "text")?.Value));
            }
            catch (FeelException ex)
            {
                problems.Add(DefinitionProblem.Rule((string?)entry.Attribute("id") ?? id, "TestUnreadable", "Decision '{0}', rule {1}, column {2}: the test cannot be read: {3}.",
                    key, Number(number), column, ex.Message) with { Line = BpmnParser.LineOf(entry) });
                ok = false;
            }
        }
        var values = new List<ValueExpression>();
        foreach (var (entry, index) in outputEntries.Select((e, i) => (e, i)))
        {
            var column = index < outputs.Count ? ColumnName(outputs[index], "output", index) : $"output {index + 1}";
            try
            {
                values.Add(ValueExpression.Parse(entry.Element(ns + "text")?.Value));
            }
            catch (FeelException ex)
            {
                problems.Add(DefinitionProblem.Rule((string?)entry.Attribute("id") ?? id, "OutputUnreadable", "Decision '{0}', rule {1}, column {2}: the output cannot be read: {3}.",
                    key, Number(number), column, ex.Message) with { Line = BpmnParser.LineOf(entry) });
                ok = false;
            }
        }
        return ok ? new DecisionRule(id, number, tests, values) : null;
    }

    private static string Number(int value) => value.ToString(System.Globalization.CultureInfo.InvariantCulture);

    private static string ColumnName(XElement column, string kind, int index) =>
        $"{index + 1} ('{(string?)column.Attribute("label") ?? (string?)column.Attribute("name") ?? (string?)column.Attribute("id") ?? kind}')";

    private static (HitPolicy, CollectAggregator) ReadHitPolicy(XElement table, string tableId, string key, List<DefinitionProblem> problems)
    {
        var text = ((string?)table.Attribute("hitPolicy"))?.Trim() ?? "UNIQUE";
        HitPolicy? policy = text switch
        {
            "UNIQUE" => HitPolicy.Unique,
            "FIRST" => HitPolicy.First,
            "ANY" => HitPolicy.Any,
            "RULE ORDER" => HitPolicy.RuleOrder,
            "COLLECT" => HitPolicy.Collect,
            _ => null,
        };
        if (policy is null)
        {
            problems.Add((text is "PRIORITY" or "OUTPUT ORDER"
                ? DefinitionProblem.Rule(tableId, "HitPolicyUnsupported",
                    "Decision '{0}': hit policy {1} is not supported (supported: UNIQUE, FIRST, ANY, RULE ORDER, COLLECT).", key, text)
                : DefinitionProblem.Rule(tableId, "HitPolicyUnknown", "Decision '{0}': '{1}' is not a hit policy (use UNIQUE, FIRST, ANY, RULE ORDER or COLLECT).", key, text))
                with { Line = BpmnParser.LineOf(table) });
            return (HitPolicy.Unique, CollectAggregator.None);
        }
        var aggregation = ((string?)table.Attribute("aggregation"))?.Trim();
        if (aggregation is null)
            return (policy.Value, CollectAggregator.None);
        CollectAggregator? aggregator = aggregation switch
        {
            "SUM" => CollectAggregator.Sum,
            "MIN" => CollectAggregator.Min,
            "MAX" => CollectAggregator.Max,
            "COUNT" => CollectAggregator.Count,
            _ => null,
        };
        if (aggregator is null)
            problems.Add(DefinitionProblem.Rule(tableId, "AggregatorUnknown", "Decision '{0}': '{1}' is not an aggregator (use SUM, MIN, MAX or COUNT).", key, aggregation)
                with { Line = BpmnParser.LineOf(table) });
        else if (policy != HitPolicy.Collect)
            problems.Add(DefinitionProblem.Rule(tableId, "AggregatorWithoutCollect", "Decision '{0}': an aggregator ({1}) needs the COLLECT hit policy, not {2}.",
                key, aggregation, text) with { Line = BpmnParser.LineOf(table) });
        return (policy.Value, aggregator ?? CollectAggregator.None);
    }
}
