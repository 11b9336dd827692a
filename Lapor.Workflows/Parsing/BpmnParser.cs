using System.Xml;
using System.Xml.Linq;
using Lapor.Workflows.Definitions;

namespace Lapor.Workflows.Parsing;

/// <summary>
/// Turns BPMN 2.0 XML into <see cref="ProcessModel"/>s. Reads defensively: DTDs (and so external entities) are
/// prohibited, size is bounded, and every unsupported element is reported rather than skipped.
/// </summary>
public static class BpmnParser
{
    public const int MaxCharacters = 5_000_000;

    /// <summary>
    /// Deepest element nesting accepted. Real diagrams nest sub-processes a few levels; without a bound a file of
    /// 200,000 nested elements kept a core busy for minutes in the readers after the XML parser.
    /// </summary>
    public const int MaxDepth = 100;

    /// <summary>Parses every executable process in the file; throws <see cref="DefinitionException"/> listing all problems.</summary>
    public static IReadOnlyList<ProcessModel> Parse(string resourceName, string xml)
    {
        var problems = new List<DefinitionProblem>();
        var models = TryParse(xml, problems);
        if (problems.Count > 0)
            throw new DefinitionException(resourceName, problems);
        return models;
    }

    public static IReadOnlyList<ProcessModel> TryParse(string xml, List<DefinitionProblem> problems)
    {
        var document = Load(xml, problems);
        if (document is null)
            return [];
        var root = document.Root!;
        if (root.Name != BpmnNames.Bpmn + "definitions")
        {
            problems.Add(new(null, $"The root element is '{root.Name.LocalName}' in namespace '{root.Name.NamespaceName}'; expected BPMN 2.0 'definitions' in '{BpmnNames.Bpmn}'."));
            return [];
        }

        var catalog = RootCatalog.Read(root);
        var processes = root.Elements(BpmnNames.Bpmn + "process").ToList();
        if (processes.Count == 0)
            problems.Add(new(null, "The file contains no <process> element."));

        var executable = processes.Where(p => (string?)p.Attribute("isExecutable") != "false").ToList();
        if (processes.Count > 0 && executable.Count == 0)
            problems.Add(new((string?)processes[0].Attribute("id"), "No process is marked executable (isExecutable=\"true\"); there is nothing to deploy."));

        var models = new List<ProcessModel>();
        foreach (var process in executable)
        {
            var id = (string?)process.Attribute("id");
            if (string.IsNullOrWhiteSpace(id))
            {
                problems.Add(new(null, "A <process> has no id; the id is the process key.", LineOf(process)));
                continue;
            }
            var reader = new ElementReader(catalog, problems);
            reader.ReadScope(process, scopeId: null);
            models.Add(new ProcessModel(id, (string?)process.Attribute("name"), reader.Nodes, reader.Flows));
        }
        return models;
    }

    /// <summary>
    /// The reader's own refusals (size, depth, DOCTYPE, well-formedness) without any BPMN rule: what even a draft,
    /// which may be unfinished, must pass before it is stored.
    /// </summary>
    public static IReadOnlyList<DefinitionProblem> CheckMarkup(string xml)
    {
        var problems = new List<DefinitionProblem>();
        Load(xml, problems);
        return problems;
    }

    internal static XDocument? Load(string xml, List<DefinitionProblem> problems)
    {
        if (xml.Length > MaxCharacters)
        {
            problems.Add(new(null, $"The file has {xml.Length:N0} characters; the limit is {MaxCharacters:N0}."));
            return null;
        }
        var settings = new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit,
            XmlResolver = null,
            MaxCharactersInDocument = MaxCharacters,
            MaxCharactersFromEntities = 1024,
            IgnoreComments = true,
        };
        try
        {
            // A first pass that only counts depth is linear and stops at the first element too deep.
            using (var scan = XmlReader.Create(new StringReader(xml), settings))
            {
                while (scan.Read())
                {
                    if (scan.NodeType == XmlNodeType.Element && scan.Depth >= MaxDepth)
                    {
                        problems.Add(new(null, $"Elements are nested more than {MaxDepth} levels deep (<{scan.Name}>); the limit is {MaxDepth}.",
                            ((IXmlLineInfo)scan).LineNumber));
                        return null;
                    }
                }
            }
            using var reader = XmlReader.Create(new StringReader(xml), settings);
            return XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex) when (ex.Message.Contains("DTD", StringComparison.OrdinalIgnoreCase))
        {
            problems.Add(new(null, "The file contains a DOCTYPE declaration; DTDs and external entities are not allowed.", ex.LineNumber));
        }
        catch (XmlException ex)
        {
            problems.Add(new(null, $"The file is not well-formed XML: {ex.Message}", ex.LineNumber));
        }
        return null;
    }

    internal static int? LineOf(XElement element) =>
        element is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : null;
}
