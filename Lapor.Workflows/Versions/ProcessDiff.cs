using System.Xml;
using System.Xml.Linq;

namespace Lapor.Workflows.Versions;

/// <summary>
/// What changed between two versions of a process, element by element (by id), for people: added, removed and changed
/// elements, and for a changed one each attribute, condition, property or form field that differs. The diagram's
/// layout (BPMN DI) is compared only as "moved", since coordinates mean nothing in a list. Pure: two XML texts in,
/// a list out; parsing is as strict as deployment (no DTDs).
/// <para>
/// The two versions' normalised content is compared, never an edit log, so an edit undone before publishing is no
/// change. Normalised away: what a modeler writes differently without changing the meaning — the
/// <c>incoming</c>/<c>outgoing</c> lists it keeps on nodes (the flows' own source and target say the same),
/// <c>xsi:type="bpmn:tFormalExpression"</c> (the only kind of condition there is), the prefix of an <c>xsi:type</c>,
/// surrounding and repeated white space in texts, and the generated id of an event definition.
/// </para>
/// </summary>
public static class ProcessDiff
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";
    private static readonly XNamespace Xsi = "http://www.w3.org/2001/XMLSchema-instance";

    public static ProcessDiffResult Compare(string olderXml, string newerXml)
    {
        var older = Load(olderXml);
        var newer = Load(newerXml);
        var before = Semantic(older);
        var after = Semantic(newer);
        var changes = new List<ElementChange>();

        foreach (var (id, element) in after)
        {
            if (!before.TryGetValue(id, out var old))
                changes.Add(new ElementChange(id, element.Name.LocalName, (string?)element.Attribute("name"), ChangeKind.Added, []));
            else if (Differences(old, element) is { Count: > 0 } details)
                changes.Add(new ElementChange(id, element.Name.LocalName, (string?)element.Attribute("name") ?? (string?)old.Attribute("name"), ChangeKind.Changed, details));
        }
        foreach (var (id, element) in before)
            if (!after.ContainsKey(id))
                changes.Add(new ElementChange(id, element.Name.LocalName, (string?)element.Attribute("name"), ChangeKind.Removed, []));

        var layoutNow = Layout(newer);
        var moved = Layout(older).Where(l => layoutNow.TryGetValue(l.Key, out var now) && now != l.Value).Select(l => l.Key).ToHashSet();
        return new ProcessDiffResult(changes.OrderBy(c => c.Kind).ThenBy(c => c.Id, StringComparer.Ordinal).ToList(), moved);
    }

    private static XDocument Load(string xml)
    {
        var settings = new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };
        using var reader = XmlReader.Create(new StringReader(xml), settings);
        return XDocument.Load(reader);
    }

    /// <summary>Every element with an id outside the diagram section: flow nodes, flows, messages, the process itself.</summary>
    private static Dictionary<string, XElement> Semantic(XDocument doc) =>
        doc.Descendants()
            .Where(e => e.Attribute("id") is not null && e.Name.Namespace == Bpmn && !IsPartOfParent(e))
            .GroupBy(e => (string)e.Attribute("id")!)
            .ToDictionary(g => g.Key, g => g.First());

    /// <summary>Bounds or waypoints per element id, as text, to tell "moved" from "unchanged".</summary>
    private static Dictionary<string, string> Layout(XDocument doc) =>
        doc.Descendants()
            .Where(e => IsDiagram(e.Name) && e.Name.LocalName is "BPMNShape" or "BPMNEdge" && e.Attribute("bpmnElement") is not null)
            .GroupBy(e => (string)e.Attribute("bpmnElement")!)
            .ToDictionary(g => g.Key, g => string.Concat(g.First().Descendants().Select(d => string.Join(",", d.Attributes().Select(a => a.Value)))));

    private static List<string> Differences(XElement older, XElement newer)
    {
        var details = new List<string>();
        var names = older.Attributes().Concat(newer.Attributes())
            .Where(a => !a.IsNamespaceDeclaration && a.Name.LocalName != "id" && !(older.Name.LocalName == "definitions" && a.Name.LocalName is "exporter" or "exporterVersion"))
            .Select(a => a.Name).Distinct();
        foreach (var name in names)
        {
            var was = Normalised(older.Attribute(name));
            var now = Normalised(newer.Attribute(name));
            if (was != now)
                details.Add($"{Label(name)}: {Show(was)} → {Show(now)}");
        }
        // Children that are not elements of their own (no id): conditions, timer definitions, properties, form fields.
        var was2 = Facts(older);
        var now2 = Facts(newer);
        foreach (var key in was2.Keys.Concat(now2.Keys).Distinct())
        {
            var a = was2.GetValueOrDefault(key);
            var b = now2.GetValueOrDefault(key);
            if (a != b)
                details.Add($"{key}: {Show(a)} → {Show(b)}");
        }
        return details;
    }

    /// <summary>
    /// The facts inside an element, flattened to "path = value": an element's text, and each attribute of a child
    /// element, keyed by the child's own id or name where it has one (form fields, properties) so reordering is no change.
    /// </summary>
    private static Dictionary<string, string> Facts(XElement element)
    {
        var facts = new Dictionary<string, string>(StringComparer.Ordinal);
        void Walk(XElement e, string path)
        {
            var seen = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var child in e.Elements())
            {
                // A child with an id of its own in the BPMN namespace (a nested flow node) is compared on its own.
                if (child.Name.Namespace == Bpmn && child.Attribute("id") is not null && !IsPartOfParent(child))
                    continue;
                // Kept by modelers next to the flows that already say it; and the diagram, compared as layout.
                if (child.Name == Bpmn + "incoming" || child.Name == Bpmn + "outgoing" || IsDiagram(child.Name))
                    continue;
                // extensionElements is only a wrapper; people know its contents by their own names.
                if (child.Name == Bpmn + "extensionElements")
                {
                    Walk(child, path);
                    continue;
                }
                var keyAttribute = IsPartOfParent(child) ? null : child.Attribute("id") is not null ? "id" : child.Attribute("name") is not null ? "name" : null;
                var key = keyAttribute is null ? null : (string?)child.Attribute(keyAttribute);
                var childPath = $"{path}{Prefix(child.Name)}{(key is null ? "" : $"[{key}]")}";
                // Unkeyed siblings of one kind (list items) are told apart by their place.
                var n = seen[childPath] = seen.GetValueOrDefault(childPath) + 1;
                if (n > 1)
                    childPath += $"#{n}";
                foreach (var attribute in child.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.LocalName != keyAttribute
                                                                        && !(a.Name.LocalName == "id" && IsPartOfParent(child))))
                {
                    if (Normalised(attribute) is { } value)
                        facts[$"{childPath}@{attribute.Name.LocalName}"] = value;
                }
                if (!child.HasElements && Text(child.Value) is { Length: > 0 } text)
                    facts[childPath] = text;
                Walk(child, childPath + "/");
            }
        }
        Walk(element, "");
        return facts;
    }

    /// <summary>BPMN DI and the DD shapes inside it: where things are drawn, not what they do.</summary>
    private static bool IsDiagram(XName name) =>
        name.NamespaceName.StartsWith("http://www.omg.org/spec/BPMN/20100524/DI", StringComparison.Ordinal)
        || name.NamespaceName.StartsWith("http://www.omg.org/spec/DD/", StringComparison.Ordinal);

    /// <summary>Children with an id that are part of their parent's meaning (a condition, an event definition), not elements of their own.</summary>
    private static bool IsPartOfParent(XElement element) =>
        element.Name.Namespace == Bpmn && (element.Name.LocalName.EndsWith("EventDefinition", StringComparison.Ordinal)
                                           || element.Name.LocalName is "conditionExpression" or "documentation");

    /// <summary>An attribute's value as it matters: an <c>xsi:type</c> without its prefix, and the default one as absent.</summary>
    private static string? Normalised(XAttribute? attribute)
    {
        if (attribute is null)
            return null;
        if (attribute.Name != Xsi + "type")
            return attribute.Value;
        var type = attribute.Value[(attribute.Value.IndexOf(':') + 1)..];
        return type == "tFormalExpression" ? null : type;
    }

    /// <summary>A text with its white space as people read it: trimmed, runs of spaces and line breaks as one space.</summary>
    private static string Text(string value) => string.Join(' ', value.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    private static string Prefix(XName name) => name.Namespace == Camunda ? "camunda:" + name.LocalName : name.LocalName;

    private static string Label(XName name) => name.Namespace == Camunda ? "camunda:" + name.LocalName : name.LocalName;

    private static string Show(string? value) => value is null ? "—" : $"'{value}'";
}
