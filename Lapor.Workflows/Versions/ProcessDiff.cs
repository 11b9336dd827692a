using System.Xml;
using System.Xml.Linq;

namespace Lapor.Workflows.Versions;

/// <summary>
/// What changed between two versions of a process, element by element (by id), for people: added, removed and changed
/// elements, and for a changed one each attribute, condition, property or form field that differs. The diagram's
/// layout (BPMN DI) is compared only as "moved", since coordinates mean nothing in a list. Pure: two XML texts in,
/// a list out; parsing is as strict as deployment (no DTDs).
/// </summary>
public static class ProcessDiff
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

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

        var moved = Layout(older).Where(l => Layout(newer).TryGetValue(l.Key, out var now) && now != l.Value).Select(l => l.Key).ToHashSet();
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
            .Where(e => e.Attribute("id") is not null && e.Name.Namespace == Bpmn)
            .GroupBy(e => (string)e.Attribute("id")!)
            .ToDictionary(g => g.Key, g => g.First());

    /// <summary>Bounds or waypoints per element id, as text, to tell "moved" from "unchanged".</summary>
    private static Dictionary<string, string> Layout(XDocument doc) =>
        doc.Descendants()
            .Where(e => e.Name.Namespace.NamespaceName.StartsWith("http://www.omg.org/spec/BPMN/20100524/DI", StringComparison.Ordinal)
                        && e.Attribute("bpmnElement") is not null)
            .GroupBy(e => (string)e.Attribute("bpmnElement")!)
            .ToDictionary(g => g.Key, g => string.Concat(g.First().Descendants().Select(d => string.Join(",", d.Attributes().Select(a => a.Value)))));

    private static List<string> Differences(XElement older, XElement newer)
    {
        var details = new List<string>();
        var names = older.Attributes().Concat(newer.Attributes()).Where(a => !a.IsNamespaceDeclaration && a.Name.LocalName != "id")
            .Select(a => a.Name).Distinct();
        foreach (var name in names)
        {
            var was = (string?)older.Attribute(name);
            var now = (string?)newer.Attribute(name);
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
            foreach (var child in e.Elements())
            {
                // A child with an id of its own in the BPMN namespace (a nested flow node) is compared on its own.
                if (child.Name.Namespace == Bpmn && child.Attribute("id") is not null && child.Name.LocalName != "conditionExpression")
                    continue;
                // extensionElements is only a wrapper; people know its contents by their own names.
                if (child.Name == Bpmn + "extensionElements")
                {
                    Walk(child, path);
                    continue;
                }
                var keyAttribute = child.Attribute("id") is not null ? "id" : child.Attribute("name") is not null ? "name" : null;
                var key = keyAttribute is null ? null : (string?)child.Attribute(keyAttribute);
                var childPath = $"{path}{Prefix(child.Name)}{(key is null ? "" : $"[{key}]")}";
                foreach (var attribute in child.Attributes().Where(a => !a.IsNamespaceDeclaration && a.Name.LocalName != keyAttribute))
                    facts[$"{childPath}@{attribute.Name.LocalName}"] = attribute.Value;
                if (!child.HasElements && child.Value.Trim() is { Length: > 0 } text)
                    facts[childPath] = text;
                Walk(child, childPath + "/");
            }
        }
        Walk(element, "");
        return facts;
    }

    private static string Prefix(XName name) => name.Namespace == Camunda ? "camunda:" + name.LocalName : name.LocalName;

    private static string Label(XName name) => name.Namespace == Camunda ? "camunda:" + name.LocalName : name.LocalName;

    private static string Show(string? value) => value is null ? "—" : $"'{value}'";
}
