using System.Xml.Linq;
using Lapor.Host.Tests.Reports;

namespace Lapor.Host.Tests.Designer;

/// <summary>The designer can only draw what has a diagram: every shipped element needs its shape or edge.</summary>
public sealed class ShippedDiagramTests
{
    private static readonly XNamespace Bpmn = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    private static readonly XNamespace Di = "http://www.omg.org/spec/BPMN/20100524/DI";

    [Theory]
    [InlineData("lapor-pengaduan.bpmn")]
    public void ShippedProcess_HasADiagramElementForEveryNodeAndFlow(string file)
    {
        var document = XDocument.Load(Path.Combine(ReportsHost.RepoWorkflows(), file));
        var process = document.Root!.Element(Bpmn + "process")!;
        var drawable = process.Descendants()
            .Where(e => e.Name.Namespace == Bpmn && e.Attribute("id") is not null && e.Parent?.Name.LocalName is "process" or "subProcess")
            .Select(e => (string)e.Attribute("id")!)
            .ToHashSet();
        var plane = Assert.Single(document.Root.Descendants(Di + "BPMNPlane"));
        var drawn = plane.Elements().Select(e => (string)e.Attribute("bpmnElement")!).ToHashSet();

        Assert.Equal((string)process.Attribute("id")!, (string)plane.Attribute("bpmnElement")!);
        Assert.Empty(drawable.Except(drawn).Order());
        Assert.Empty(drawn.Except(drawable).Order());
    }
}
