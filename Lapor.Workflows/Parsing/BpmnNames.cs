using System.Xml.Linq;

namespace Lapor.Workflows.Parsing;

/// <summary>XML namespaces of BPMN 2.0 and the Camunda 7 extension attributes we honour.</summary>
internal static class BpmnNames
{
    public static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    public static readonly XNamespace Camunda = "http://camunda.org/schema/1.0/bpmn";

    /// <summary>BPMN elements that describe rather than execute; they are accepted and ignored.</summary>
    public static readonly HashSet<string> Descriptive =
    [
        "documentation", "extensionElements", "laneSet", "textAnnotation", "association", "dataObject",
        "dataObjectReference", "dataStoreReference", "ioSpecification", "property", "group", "category",
        "dataInputAssociation", "dataOutputAssociation", "incoming", "outgoing",
    ];
}
