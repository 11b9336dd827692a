using System.Xml.Linq;
using Lapor.Workflows.Decisions.Feel;
using Lapor.Workflows.Parsing;

namespace Lapor.Workflows.Decisions;

/// <summary>
/// Reads DMN XML into <see cref="DecisionTable"/>s with the BPMN reader's limits (no DOCTYPE, size, depth). Every cell
/// is parsed here, and every problem names the decision, the rule number, the column and the element id.
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
            problems.Add(new(null, $"The root element is '{root.Name.LocalName}' in namespace '{ns.NamespaceName}'; expected DMN 'definitions' in '{DmnNames.Dmn13.NamespaceName}'."));
            return [];
        }
        // Editors (dmn-js among them) drop an element whose id repeats another's, so the table would open differently
        // from how it runs: refuse it here, naming the id.
        foreach (var repeated in root.Descendants().Where(e => e.Attribute("id") is not null).GroupBy(e => (string)e.Attribute("id")!).Where(g => g.Count() > 1))
            problems.Add(new(repeated.Key, $"The id '{repeated.Key}' is used by {repeated.Count()} elements; every element id in the file must be unique.", BpmnParser.LineOf(repeated.Skip(1).First())));
        var decisions = root.Elements(ns + "decision").ToList();
        if (decisions.Count == 0)
            problems.Add(new((string?)root.Attribute("id"), "The file contains no <decision> element."));
        var tables = new List<DecisionTable>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var decision in decisions)
        {
            var before = problems.Count;
            var table = ReadDecision(decision, ns, problems);
            if (table is not null && !keys.Add(table.Key))
                problems.Add(new(table.Key, $"Decision id '{table.Key}' appears twice in the file.", BpmnParser.LineOf(decision)));
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
            problems.Add(new(null, "A <decision> has no id; the id is the decision key.", BpmnParser.LineOf(decision)));
            return null;
        }
        var name = (string?)decision.Attribute("name");
        var label = $"Decision '{key}'";
        var table = decision.Element(ns + "decisionTable");
        if (table is null)
        {
            var kind = decision.Elements().Select(e => e.Name.LocalName).FirstOrDefault(n => n is "literalExpression" or "context" or "invocation" or "list" or "relation");
            problems.Add(new(key, kind is null
                ? $"{label} has no <decisionTable>; Lapor evaluates decision tables only."
                : $"{label} is a <{kind}>; Lapor evaluates decision tables only.", BpmnParser.LineOf(decision)));
            return null;
        }
        var tableId = (string?)table.Attribute("id") ?? key;
        var (hitPolicy, aggregator) = ReadHitPolicy(table, tableId, label, problems);

        var inputs = new List<DecisionInput>();
        foreach (var (input, index) in table.Elements(ns + "input").Select((e, i) => (e, i + 1)))
        {
            var id = (string?)input.Attribute("id") ?? $"{tableId}-input{index}";
            var inputLabel = (string?)input.Attribute("label");
            var expression = input.Element(ns + "inputExpression");
            var text = expression?.Element(ns + "text")?.Value;
            if (string.IsNullOrWhiteSpace(text))
            {
                problems.Add(new(id, $"{label}, input {index} ('{inputLabel ?? id}'): the input expression is empty; name the variable it reads, e.g. kategori.", BpmnParser.LineOf(input)));
                continue;
            }
            try
            {
                inputs.Add(new DecisionInput(id, inputLabel, ValueExpression.Parse(text), (string?)expression!.Attribute("typeRef")));
            }
            catch (FeelException ex)
            {
                problems.Add(new(id, $"{label}, input {index} ('{inputLabel ?? id}'): the input expression cannot be read: {ex.Message}.", BpmnParser.LineOf(input)));
            }
        }

        var outputs = new List<DecisionOutput>();
        var outputElements = table.Elements(ns + "output").ToList();
        if (outputElements.Count == 0)
            problems.Add(new(tableId, $"{label} has no output column; a decision table needs at least one output.", BpmnParser.LineOf(table)));
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
                    problems.Add(new(id, $"{label}, output {index} ('{outputLabel ?? id}') has no name; with several outputs each needs a name (the key of the result).", BpmnParser.LineOf(output)));
                    continue;
                }
                outputName = string.IsNullOrWhiteSpace(outputLabel) ? id : outputLabel;
            }
            if (outputs.Any(o => o.Name == outputName))
                problems.Add(new(id, $"{label}: two outputs are named '{outputName}'.", BpmnParser.LineOf(output)));
            outputs.Add(new DecisionOutput(id, outputLabel, outputName.Trim(), (string?)output.Attribute("typeRef")));
        }
        if (aggregator != CollectAggregator.None && outputElements.Count > 1)
            problems.Add(new(tableId, $"{label}: the {aggregator.ToString().ToUpperInvariant()} aggregator needs exactly one output column, not {outputElements.Count}.", BpmnParser.LineOf(table)));

        var rules = new List<DecisionRule>();
        foreach (var (rule, number) in table.Elements(ns + "rule").Select((e, i) => (e, i + 1)))
        {
            var read = ReadRule(rule, number, ns, label, table.Elements(ns + "input").ToList(), outputElements, problems);
            if (read is not null)
                rules.Add(read);
        }
        return new DecisionTable(key, name, hitPolicy, aggregator, inputs, outputs, rules);
    }

    private static DecisionRule? ReadRule(XElement rule, int number, XNamespace ns, string label, List<XElement> inputs, List<XElement> outputs,
        List<DefinitionProblem> problems)
    {
        var id = (string?)rule.Attribute("id") ?? $"rule{number}";
        var where = $"{label}, rule {number}";
        var inputEntries = rule.Elements(ns + "inputEntry").ToList();
        var outputEntries = rule.Elements(ns + "outputEntry").ToList();
        var ok = true;
        if (inputEntries.Count != inputs.Count)
        {
            problems.Add(new(id, $"{where} has {inputEntries.Count} input cells but the table has {inputs.Count} inputs.", BpmnParser.LineOf(rule)));
            ok = false;
        }
        if (outputEntries.Count != outputs.Count)
        {
            problems.Add(new(id, $"{where} has {outputEntries.Count} output cells but the table has {outputs.Count} outputs.", BpmnParser.LineOf(rule)));
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
                problems.Add(new((string?)entry.Attribute("id") ?? id, $"{where}, column {column}: the test cannot be read: {ex.Message}.", BpmnParser.LineOf(entry)));
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
                problems.Add(new((string?)entry.Attribute("id") ?? id, $"{where}, column {column}: the output cannot be read: {ex.Message}.", BpmnParser.LineOf(entry)));
                ok = false;
            }
        }
        return ok ? new DecisionRule(id, number, tests, values) : null;
    }

    private static string ColumnName(XElement column, string kind, int index) =>
        $"{index + 1} ('{(string?)column.Attribute("label") ?? (string?)column.Attribute("name") ?? (string?)column.Attribute("id") ?? kind}')";

    private static (HitPolicy, CollectAggregator) ReadHitPolicy(XElement table, string tableId, string label, List<DefinitionProblem> problems)
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
            problems.Add(new(tableId, text is "PRIORITY" or "OUTPUT ORDER"
                ? $"{label}: hit policy {text} is not supported (supported: UNIQUE, FIRST, ANY, RULE ORDER, COLLECT)."
                : $"{label}: '{text}' is not a hit policy (use UNIQUE, FIRST, ANY, RULE ORDER or COLLECT).", BpmnParser.LineOf(table)));
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
            problems.Add(new(tableId, $"{label}: '{aggregation}' is not an aggregator (use SUM, MIN, MAX or COUNT).", BpmnParser.LineOf(table)));
        else if (policy != HitPolicy.Collect)
            problems.Add(new(tableId, $"{label}: an aggregator ({aggregation}) needs the COLLECT hit policy, not {text}.", BpmnParser.LineOf(table)));
        return (policy.Value, aggregator ?? CollectAggregator.None);
    }
}
