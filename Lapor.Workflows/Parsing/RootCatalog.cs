using System.Xml.Linq;

namespace Lapor.Workflows.Parsing;

/// <summary>The root-level <c>message</c>, <c>error</c> and <c>escalation</c> elements that events refer to by id.</summary>
internal sealed record RootCatalog(
    IReadOnlyDictionary<string, string> MessageNames,
    IReadOnlyDictionary<string, string?> ErrorCodes,
    IReadOnlyDictionary<string, string?> EscalationCodes)
{
    public static RootCatalog Read(XElement root)
    {
        var messages = new Dictionary<string, string>();
        foreach (var m in root.Elements(BpmnNames.Bpmn + "message"))
            if ((string?)m.Attribute("id") is { } id)
                messages[id] = (string?)m.Attribute("name") ?? id;

        var errors = new Dictionary<string, string?>();
        foreach (var e in root.Elements(BpmnNames.Bpmn + "error"))
            if ((string?)e.Attribute("id") is { } id)
                errors[id] = (string?)e.Attribute("errorCode");

        var escalations = new Dictionary<string, string?>();
        foreach (var e in root.Elements(BpmnNames.Bpmn + "escalation"))
            if ((string?)e.Attribute("id") is { } id)
                escalations[id] = (string?)e.Attribute("escalationCode");

        return new RootCatalog(messages, errors, escalations);
    }
}
