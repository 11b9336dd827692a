using Lapor.Workflows.Decisions;

namespace Lapor.Workflows.Tests.Decisions;

public sealed class HitPolicyTests
{
    private static DecisionEvaluation Evaluate(string xml, object? kategori) =>
        DecisionEvaluator.Evaluate(DmnParser.Parse("t.dmn", xml).Single(), new Dictionary<string, object?> { ["kategori"] = kategori });

    private static readonly string[][] Overlapping =
    [
        ["\"jalan\"", "\"puprkim\""],
        ["\"jalan\",\"air\"", "\"dishub\""],
        ["-", "\"inspektorat\""],
    ];

    [Fact]
    public void First_TakesTheFirstMatchingRuleInTableOrder()
    {
        var result = Evaluate(Dmn.Table("d", "FIRST", ["kategori"], ["agency"], Overlapping), "jalan");
        Assert.Equal("puprkim", Assert.Single(result.Results)["agency"].Value);
        Assert.Equal([1], result.MatchedRules.Select(r => r.Number));
        Assert.Equal("inspektorat", Assert.Single(Evaluate(Dmn.Table("d", "FIRST", ["kategori"], ["agency"], Overlapping), "lain").Results)["agency"].Value);
    }

    [Fact]
    public void Unique_RefusesTwoMatchingRules_NamingThem()
    {
        var error = Assert.Throws<DecisionException>(() => Evaluate(Dmn.Table("d", "UNIQUE", ["kategori"], ["agency"], Overlapping), "jalan"));
        Assert.Contains("UNIQUE", error.Message);
        Assert.Contains("1 (r1), 2 (r2), 3 (r3)", error.Message);
    }

    [Fact]
    public void Unique_IsTheDefault_AndOneMatchGivesOneResult()
    {
        var xml = Dmn.Table("d", "UNIQUE", ["kategori"], ["agency"], [["\"jalan\"", "\"puprkim\""], ["\"air\"", "\"pdam\""]]).Replace(" hitPolicy=\"UNIQUE\"", "");
        Assert.Equal("pdam", Assert.Single(Evaluate(xml, "air").Results)["agency"].Value);
        Assert.Empty(Evaluate(xml, "lain").Results);
    }

    [Fact]
    public void Collect_ListsEveryMatch_AndAggregatorsFoldThem()
    {
        string[][] scores = [["\"jalan\"", "3"], ["\"jalan\",\"air\"", "4"], ["-", "1"]];
        var list = Evaluate(Dmn.Table("d", "COLLECT", ["kategori"], ["score"], scores), "jalan");
        Assert.Equal(["3", "4", "1"], list.Results.Select(r => r["score"].Value));
        Assert.Equal("String", list.Results[0]["score"].Type);

        var sum = Evaluate(Dmn.Table("d", "COLLECT", ["kategori"], ["score"], scores, "aggregation=\"SUM\"").Replace("typeRef=\"string\"/>", "typeRef=\"integer\"/>"), "jalan");
        Assert.Equal(new Lapor.Workflows.Execution.TypedValue("Integer", 8L), Assert.Single(sum.Results)["score"]);
        var max = Evaluate(Dmn.Table("d", "COLLECT", ["kategori"], ["score"], scores, "aggregation=\"MAX\"").Replace("typeRef=\"string\"/>", "/>"), "air");
        Assert.Equal(new Lapor.Workflows.Execution.TypedValue("Long", 4L), Assert.Single(max.Results)["score"]);
        var count = Evaluate(Dmn.Table("d", "COLLECT", ["kategori"], ["score"], scores, "aggregation=\"COUNT\""), "air");
        Assert.Equal(2L, Assert.Single(count.Results)["score"].Value);
        var min = Evaluate(Dmn.Table("d", "COLLECT", ["kategori"], ["score"], scores, "aggregation=\"MIN\"").Replace("typeRef=\"string\"/>", "/>"), "jalan");
        Assert.Equal(1L, Assert.Single(min.Results)["score"].Value);
    }

    [Fact]
    public void Any_AcceptsAgreeingRules_AndRefusesDisagreeingOnes()
    {
        Assert.Equal("x", Assert.Single(Evaluate(Dmn.Table("d", "ANY", ["kategori"], ["o"], [["\"a\"", "\"x\""], ["-", "\"x\""]]), "a").Results)["o"].Value);
        Assert.Throws<DecisionException>(() => Evaluate(Dmn.Table("d", "ANY", ["kategori"], ["o"], [["\"a\"", "\"x\""], ["-", "\"y\""]]), "a"));
    }

    [Fact]
    public void Inputs_AreRecordedWithTheirValues_AndOutputsMayReadVariables()
    {
        var xml = Dmn.Table("d", "FIRST", ["pilihan", "kategori"], ["agency"], [["not(null)", "-", "pilihan"], ["-", "-", "\"inspektorat\""]]);
        var table = DmnParser.Parse("t.dmn", xml).Single();
        var chosen = DecisionEvaluator.Evaluate(table, new Dictionary<string, object?> { ["pilihan"] = "dinkes", ["kategori"] = "jalan" });
        Assert.Equal("dinkes", chosen.Results[0]["agency"].Value);
        Assert.Equal(["dinkes", "jalan"], chosen.Inputs.Select(i => i.Value.Value));
        var none = DecisionEvaluator.Evaluate(table, new Dictionary<string, object?> { ["kategori"] = "jalan" });
        Assert.Equal("inspektorat", none.Results[0]["agency"].Value);
        Assert.Equal("r2", Assert.Single(none.MatchedRules.Take(1)).Id);
    }
}
