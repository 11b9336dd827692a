using System.Xml.Linq;

namespace Lapor.Workflows.Decisions;

/// <summary>The DMN model namespaces read: 1.3 (what dmn-js writes) and, because nothing else changes for a table, 1.1 and 1.2.</summary>
internal static class DmnNames
{
    public static readonly XNamespace Dmn13 = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    public static readonly XNamespace Dmn12 = "http://www.omg.org/spec/DMN/20180521/MODEL/";
    public static readonly XNamespace Dmn11 = "http://www.omg.org/spec/DMN/20151101/dmn.xsd";

    public static readonly IReadOnlySet<XNamespace> Supported = new HashSet<XNamespace> { Dmn13, Dmn12, Dmn11 };
}
