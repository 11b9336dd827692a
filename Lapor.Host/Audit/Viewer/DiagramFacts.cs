using System.Xml;
using System.Xml.Linq;

namespace Lapor.Host.Audit.Viewer;

/// <summary>What the viewer needs from a process definition's XML: its sequence flows and each node's case stage.</summary>
internal sealed record DiagramFacts(IReadOnlyList<DiagramFacts.Flow> Flows, IReadOnlyDictionary<string, string> Stages)
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    public static DiagramFacts Parse(string xml)
    {
        // The XML was validated at deployment; DTDs stay prohibited here as everywhere the engine reads BPMN.
        using var reader = XmlReader.Create(new StringReader(xml), new XmlReaderSettings { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null });
        var doc = XDocument.Load(reader);
        var flows = doc.Descendants(Bpmn + "sequenceFlow")
            .Select(f => new Flow((string?)f.Attribute("id") ?? "", (string?)f.Attribute("sourceRef") ?? "", (string?)f.Attribute("targetRef") ?? ""))
            .Where(f => f.Id.Length > 0).ToList();
        var stages = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var property in doc.Descendants(Camunda + "property").Where(p => (string?)p.Attribute("name") == "stage"))
        {
            var owner = property.Ancestors().FirstOrDefault(a => a.Name.Namespace == Bpmn && a.Name.LocalName != "extensionElements" && a.Attribute("id") is not null);
            if (owner is not null && (string?)property.Attribute("value") is { Length: > 0 } value)
                stages[(string)owner.Attribute("id")!] = value;
        }
        return new DiagramFacts(flows, stages);
    }

    public sealed record Flow(string Id, string Source, string Target);
}
