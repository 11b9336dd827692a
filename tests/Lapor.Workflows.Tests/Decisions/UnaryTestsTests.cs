using Lapor.Workflows.Decisions.Feel;

namespace Lapor.Workflows.Tests.Decisions;

public sealed class UnaryTestsTests
{
    [Theory]
    [InlineData("\"Jalan\"", "Jalan", true)]
    [InlineData("\"Jalan\"", "jalan", false)]
    [InlineData("\"a\",\"b\"", "b", true)]
    [InlineData("\"a\", \"b\"", "c", false)]
    [InlineData("5", 5L, true)]
    [InlineData("5", 5.0, true)]
    [InlineData("5.5", 5.5, true)]
    [InlineData("-2", -2L, true)]
    [InlineData("true", true, true)]
    [InlineData("false", true, false)]
    [InlineData("null", null, true)]
    [InlineData("-", "anything", true)]
    [InlineData("", 42L, true)]
    [InlineData("[1..5]", 1L, true)]
    [InlineData("[1..5]", 5L, true)]
    [InlineData("]1..5[", 1L, false)]
    [InlineData("]1..5[", 5L, false)]
    [InlineData("]1..5[", 3L, true)]
    [InlineData("(1..5)", 4.99, true)]
    [InlineData("[1..5)", 5L, false)]
    [InlineData("< 10", 9L, true)]
    [InlineData("< 10", 10L, false)]
    [InlineData("<= 10", 10L, true)]
    [InlineData(">= 3", 3L, true)]
    [InlineData("> 3", 3L, false)]
    [InlineData("!= \"x\"", "y", true)]
    [InlineData("not(\"a\",\"b\")", "c", true)]
    [InlineData("not(\"a\",\"b\")", "a", false)]
    [InlineData("not(null)", "dinkes", true)]
    [InlineData("not(null)", null, false)]
    [InlineData("not([1..3])", 4L, true)]
    [InlineData("< 10", null, false)]
    [InlineData("\"5\"", 5L, false)]
    [InlineData("\"b\"..\"d\"", "c", false)]
    public void EachForm_MatchesAsFeelDoes(string cell, object? input, bool expected)
    {
        if (cell == "\"b\"..\"d\"")
        {
            // Not a FEEL unary test (no brackets): refused at deploy time instead of matching anything.
            Assert.Throws<FeelException>(() => UnaryTests.Parse(cell));
            return;
        }
        Assert.Equal(expected, UnaryTests.Parse(cell).Matches(input));
    }

    [Fact]
    public void TextRanges_AndDates_Compare()
    {
        Assert.True(UnaryTests.Parse("[\"b\"..\"d\"]").Matches("c"));
        Assert.True(UnaryTests.Parse(">= date(\"2026-01-01\")").Matches(new DateTimeOffset(2026, 3, 1, 0, 0, 0, TimeSpan.Zero)));
    }

    [Theory]
    [InlineData("Jalan", "'Jalan' is not a value; write text in double quotes (\"Jalan\")")]
    [InlineData("\"Jalan", "not closed")]
    [InlineData("[1..5", "expected ']', '[' or ')'")]
    [InlineData("[1..\"x\"]", "cannot be compared")]
    [InlineData("< ", "expected a value")]
    [InlineData("\"a\" \"b\"", "expected ',' or the end")]
    [InlineData("not(\"a\"", "expected ')'")]
    [InlineData("1.2.3", "is not a number")]
    [InlineData("date(\"31-01-2026\")", "is not a date")]
    public void BadCells_SayWhatIsWrong(string cell, string message)
    {
        var error = Assert.Throws<FeelException>(() => UnaryTests.Parse(cell));
        Assert.Contains(message, error.Message);
        Assert.Contains($"of '{cell}'", error.Message);
    }

    [Fact]
    public void OutputAndInputExpressions_ReadLiteralsAndPaths()
    {
        var vars = new Dictionary<string, object?> { ["kategori"] = "jalan", ["laporan"] = """{"wilayah":{"kode":"badung"}}""" };
        Assert.Equal("jalan", ValueExpression.Parse("kategori").Evaluate(vars));
        Assert.Equal("badung", ValueExpression.Parse("laporan.wilayah.kode").Evaluate(vars));
        Assert.Null(ValueExpression.Parse("tidakAda").Evaluate(vars));
        Assert.Equal("dinkes", ValueExpression.Parse("\"dinkes\"").Evaluate(vars));
        Assert.Equal(3m, ValueExpression.Parse("3").Evaluate(vars));
        Assert.Null(ValueExpression.Parse("").Evaluate(vars));
        Assert.Throws<FeelException>(() => ValueExpression.Parse("kategori + 1"));
        Assert.Equal("jalan", ValueExpression.Parse("${kategori}").Evaluate(vars));
        Assert.Throws<FeelException>(() => ValueExpression.Parse("${kategori == 'x'}"));
    }
}
