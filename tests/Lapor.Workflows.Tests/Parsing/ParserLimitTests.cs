using System.Diagnostics;
using System.Text;
using Lapor.Workflows.Parsing;
using Xunit.Abstractions;

namespace Lapor.Workflows.Tests.Parsing;

/// <summary>Files built to exhaust the reader are refused by a limit the message names, before any tree is built.</summary>
public sealed class ParserLimitTests(ITestOutputHelper output)
{
    // Short element names keep 200,000 levels (1.4 M characters) inside the size limit, so depth alone must refuse it.
    private static string Nested(int levels, string element = "x")
    {
        var xml = new StringBuilder("<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><bpmn:process id=\"p\" isExecutable=\"true\">");
        for (var i = 0; i < levels; i++)
            xml.Append('<').Append(element).Append('>');
        for (var i = 0; i < levels; i++)
            xml.Append("</").Append(element).Append('>');
        return xml.Append("</bpmn:process></bpmn:definitions>").ToString();
    }

    [Fact]
    public void A200kDeepFile_IsRefusedByTheDepthLimit()
    {
        var xml = Nested(200_000);
        Assert.True(xml.Length < BpmnParser.MaxCharacters, "the file must be refused for its depth, not its size");
        var clock = Stopwatch.StartNew();
        var refused = Assert.Throws<DefinitionException>(() => BpmnParser.Parse("dalam.bpmn", xml));
        // Reported, not asserted (timings belong in benchmarks): 212 s before the limit.
        output.WriteLine($"refused {xml.Length:N0} characters in {clock.Elapsed.TotalMilliseconds:N0} ms");
        var problem = Assert.Single(refused.Problems);
        Assert.Contains($"the limit is {BpmnParser.MaxDepth}", problem.Message);
        Assert.Equal(1, problem.Line);
    }

    [Fact]
    public void NestingJustInsideTheLimit_IsNotRefusedForDepth()
    {
        var problems = new List<DefinitionProblem>();
        BpmnParser.TryParse(Nested(BpmnParser.MaxDepth - 3, "bpmn:subProcess"), problems);
        Assert.DoesNotContain(problems, p => p.Message.Contains("levels deep", StringComparison.Ordinal));
    }

    [Fact]
    public void AFileOverTheSizeLimit_IsRefusedNamingTheLimit()
    {
        var xml = "<bpmn:definitions xmlns:bpmn=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><!--" + new string('x', BpmnParser.MaxCharacters) + "--></bpmn:definitions>";
        var refused = Assert.Throws<DefinitionException>(() => BpmnParser.Parse("besar.bpmn", xml));
        Assert.Contains($"{BpmnParser.MaxCharacters:N0}", Assert.Single(refused.Problems).Message);
    }
}
