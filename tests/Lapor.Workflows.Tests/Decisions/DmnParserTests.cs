using Lapor.Workflows.Decisions;
using Lapor.Workflows.Parsing;

namespace Lapor.Workflows.Tests.Decisions;

public sealed class DmnParserTests
{
    private static IReadOnlyList<DefinitionProblem> Problems(string xml) =>
        Assert.Throws<DefinitionException>(() => DmnParser.Parse("t.dmn", xml)).Problems;

    [Fact]
    public void ARepeatedElementId_IsRefused_NamingTheId()
    {
        // The second rule's first cell takes the first rule's id, as a hand edit easily does.
        var xml = Dmn.Table("rute", "FIRST", ["kategori"], ["agency"], [["\"jalan\"", "\"puprkim\""], ["\"kesehatan\"", "\"dinkes\""]])
            .Replace("id=\"r2i1\"", "id=\"r1\"");
        var problem = Assert.Single(Problems(xml));
        Assert.Equal("r1", problem.ElementId);
        Assert.Contains("must be unique", problem.Message);
    }

    [Fact]
    public void AnUnreadableCell_NamesDecisionRuleColumnAndElement()
    {
        var xml = Dmn.Table("rute", "FIRST", ["kategori"], ["agency"], [["\"jalan\"", "\"puprkim\""], ["Kesehatan", "\"dinkes\""]]);
        var problem = Assert.Single(Problems(xml));
        Assert.Equal("r2i1", problem.ElementId);
        Assert.Contains("Decision 'rute', rule 2, column 1 ('Input 1')", problem.Message);
        Assert.Contains("write text in double quotes (\"Kesehatan\")", problem.Message);
    }

    [Fact]
    public void EveryProblem_CarriesItsRuleCode_AndTheValuesItsMessageNames()
    {
        // A host says the problem in its own language from the code and the arguments; the English stays the message.
        var xml = Dmn.Table("rute", "FIRST", ["kategori"], ["agency"], [["\"jalan\"", "\"puprkim\""], ["Kesehatan", "\"dinkes\""]]);
        var problems = Problems(xml).Concat(Problems(Dmn.Table("d", "SOMETIMES", ["k"], ["o"], [["-", "1"]])))
            .Concat(Problems(Dmn.Table("d", "FIRST", ["k"], [], [["-"]]))).ToList();

        Assert.All(problems, p => Assert.False(string.IsNullOrEmpty(p.Code), p.Message));
        var cell = problems[0];
        Assert.Equal("TestUnreadable", cell.Code);
        Assert.Equal(["rute", "2", "1 ('Input 1')"], cell.Arguments.Take(3));
        Assert.Equal(["d", "SOMETIMES"], problems.Single(p => p.Code == "HitPolicyUnknown").Arguments);
    }

    [Fact]
    public void UnknownHitPolicy_AndUnsupportedOnes_AreRefused()
    {
        var unknown = Assert.Single(Problems(Dmn.Table("d", "SOMETIMES", ["k"], ["o"], [["-", "1"]])));
        Assert.Equal("table_d", unknown.ElementId);
        Assert.Contains("'SOMETIMES' is not a hit policy", unknown.Message);
        Assert.Contains("PRIORITY is not supported", Assert.Single(Problems(Dmn.Table("d", "PRIORITY", ["k"], ["o"], [["-", "1"]]))).Message);
        Assert.Contains("needs the COLLECT hit policy", Assert.Single(Problems(Dmn.Table("d", "FIRST", ["k"], ["o"], [["-", "1"]], "aggregation=\"SUM\""))).Message);
    }

    [Fact]
    public void MissingOutput_AndWrongCellCounts_AreRefused()
    {
        var noOutput = Problems(Dmn.Table("d", "FIRST", ["k"], [], [["-"]]));
        Assert.Contains(noOutput, p => p.ElementId == "table_d" && p.Message.Contains("has no output column"));
        var cells = Problems(Dmn.Table("d", "FIRST", ["k"], ["o"], [["-"]]));
        Assert.Contains(cells, p => p.ElementId == "r1" && p.Message.Contains("rule 1 has 0 output cells but the table has 1 outputs"));
        var noExpression = Problems(Dmn.Table("d", "FIRST", [""], ["o"], [["-", "1"]]));
        Assert.Contains(noExpression, p => p.ElementId == "in1" && p.Message.Contains("input expression is empty"));
    }

    [Fact]
    public void Doctype_IsRefusedLikeInBpmn()
    {
        var xml = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]>" + Dmn.Routing().Split("?>", 2)[1];
        Assert.Contains("DOCTYPE", Assert.Single(Problems(xml)).Message);
    }

    [Fact]
    public void OlderDmnNamespaces_AreRead_AndOtherRootsAreNot()
    {
        var dmn12 = Dmn.Routing().Replace("https://www.omg.org/spec/DMN/20191111/MODEL/", "http://www.omg.org/spec/DMN/20180521/MODEL/");
        Assert.Equal("rute", DmnParser.Parse("t.dmn", dmn12).Single().Key);
        var dmn11 = Dmn.Routing().Replace("https://www.omg.org/spec/DMN/20191111/MODEL/", "http://www.omg.org/spec/DMN/20151101/dmn.xsd");
        Assert.Equal("rute", DmnParser.Parse("t.dmn", dmn11).Single().Key);
        Assert.Contains("expected DMN 'definitions'", Assert.Single(Problems(Tests.Support.Bpmn.Sequence("a"))).Message);
    }

    [Fact]
    public void ShippedRoutingTable_Parses()
    {
        var table = DmnParser.Parse("rute-instansi.dmn", File.ReadAllText(Path.Combine(Tests.Support.RepoFiles.Workflows, "rute-instansi.dmn"))).Single();
        Assert.Equal("rute-instansi", table.Key);
        Assert.Equal(HitPolicy.First, table.HitPolicy);
        Assert.True(table.Rules[^1].InputEntries.All(e => e.MatchesAnything), "the last row is the default");
    }
}
