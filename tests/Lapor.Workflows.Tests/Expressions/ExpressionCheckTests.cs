using Lapor.Workflows.Expressions;

namespace Lapor.Workflows.Tests.Expressions;

public sealed class ExpressionCheckTests
{
    private readonly ExpressionEvaluator _evaluator = new();

    [Fact]
    public void Check_ReportsSyntaxErrorWithParserMessage()
    {
        ExpressionCheck check = _evaluator.Check("${a >}");

        Assert.False(check.Ok);
        Assert.Equal("Expression '${a >}' does not parse: Unexpected end of input", check.Error);
    }

    [Theory]
    [InlineData("${approved}")]
    [InlineData("${not empty note and priority ge 3}")]
    [InlineData("Laporan ${code} diterima oleh ${assignee}")]
    [InlineData("budi")]
    [InlineData("${workingDays(5)}")]
    public void Check_AcceptsValidTextWithoutKnowingVariables(string text)
    {
        Assert.Equal(ExpressionCheck.Valid, _evaluator.Check(text));
    }

    [Fact]
    public void Check_ReportsTheBadPartOfMixedText()
    {
        ExpressionCheck check = _evaluator.Check("Laporan ${code} untuk ${unit +}");

        Assert.False(check.Ok);
        Assert.StartsWith("Expression '${unit +}' does not parse:", check.Error);
    }

    [Fact]
    public void Check_ReportsNestedExpression()
    {
        ExpressionCheck check = _evaluator.Check("${a > 1 and ${b}}");

        Assert.False(check.Ok);
        Assert.Contains("does not parse", check.Error);
    }

    [Fact]
    public void Check_ReportsExpressionWithoutClosingBrace()
    {
        ExpressionCheck check = _evaluator.Check("Laporan ${code");

        Assert.Equal("Expression '${code' is not closed with '}'", check.Error);
    }

    [Fact]
    public void Check_ReportsEmptyExpression()
    {
        Assert.Equal("Expression '${ }' is empty", _evaluator.Check("${ }").Error);
    }

    [Fact]
    public void Check_RejectsSeveralStatements()
    {
        ExpressionCheck check = _evaluator.Check("${a; b}");

        Assert.False(check.Ok);
        Assert.Contains("single expression", check.Error);
    }

    [Fact]
    public void EvaluatingTextThatFailsCheck_ThrowsTheSameMessage()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("${a >}", Vars.Of(("a", 1))));

        Assert.Equal("Expression '${a >}' does not parse: Unexpected end of input", ex.Message);
        Assert.Equal("${a >}", ex.Expression);
    }
}
