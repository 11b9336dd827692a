using System.Xml.Linq;
using Lapor.Workflows.Definitions;

namespace Lapor.Workflows.Parsing;

/// <summary>Reads the Camunda 7 extension attributes and <c>extensionElements</c> we support.</summary>
internal static class CamundaExtensions
{
    private static readonly XNamespace B = BpmnNames.Bpmn;
    private static readonly XNamespace C = BpmnNames.Camunda;

    public static IReadOnlyDictionary<string, string> Properties(XElement element)
    {
        var properties = Extensions(element)?.Element(C + "properties")?.Elements(C + "property");
        if (properties is null)
            return FlowNode.EmptyProperties;
        var result = new Dictionary<string, string>();
        foreach (var p in properties)
            if ((string?)p.Attribute("name") is { } name)
                result[name] = (string?)p.Attribute("value") ?? "";
        return result;
    }

    public static string? RetryTimeCycle(XElement element) =>
        Extensions(element)?.Element(C + "failedJobRetryTimeCycle")?.Value.Trim() is { Length: > 0 } cycle ? cycle : null;

    public static UserTask ReadUserTask(XElement e, string id, List<DefinitionProblem> problems) => new()
    {
        Id = id,
        Assignee = Attr(e, "assignee"),
        CandidateUsers = Attr(e, "candidateUsers"),
        CandidateGroups = Attr(e, "candidateGroups"),
        DueDate = Attr(e, "dueDate"),
        FollowUpDate = Attr(e, "followUpDate"),
        Priority = Attr(e, "priority"),
        FormKey = Attr(e, "formKey"),
        Documentation = e.Element(B + "documentation")?.Value.Trim(),
        FormFields = FormFields(e, id, problems),
    };

    private static List<FormField> FormFields(XElement e, string taskId, List<DefinitionProblem> problems)
    {
        var fields = new List<FormField>();
        var formData = Extensions(e)?.Element(C + "formData");
        if (formData is null)
            return fields;
        foreach (var f in formData.Elements(C + "formField"))
        {
            var id = (string?)f.Attribute("id");
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new(taskId, "A camunda:formField has no id.", BpmnParser.LineOf(f)));
                continue;
            }
            var type = (string?)f.Attribute("type") ?? "string";
            var options = f.Elements(C + "value")
                .Select(v => new FormFieldOption((string?)v.Attribute("id") ?? "", (string?)v.Attribute("name") ?? (string?)v.Attribute("id") ?? ""))
                .ToList();
            var constraints = f.Element(C + "validation")?.Elements(C + "constraint")
                .Where(c => !string.IsNullOrWhiteSpace((string?)c.Attribute("name")))
                .GroupBy(c => (string)c.Attribute("name")!)
                .ToDictionary(g => g.Key, g => (string?)g.Last().Attribute("config"))
                ?? new Dictionary<string, string?>();
            var required = constraints.TryGetValue("required", out var requiredConfig) && requiredConfig != "false";
            var fieldProperties = f.Element(C + "properties")?.Elements(C + "property")
                .Where(p => p.Attribute("id") is not null || p.Attribute("name") is not null)
                .ToDictionary(p => (string?)p.Attribute("id") ?? (string)p.Attribute("name")!, p => (string?)p.Attribute("value") ?? "")
                ?? new Dictionary<string, string>();
            fields.Add(new FormField(id, (string?)f.Attribute("label") ?? id, type, (string?)f.Attribute("defaultValue"), required, options, fieldProperties)
            {
                Constraints = constraints,
            });
        }
        return fields;
    }

    private static string? Attr(XElement e, string name) =>
        (string?)e.Attribute(C + name) is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    private static XElement? Extensions(XElement e) => e.Element(B + "extensionElements");
}
