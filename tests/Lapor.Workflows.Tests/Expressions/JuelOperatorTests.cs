using Lapor.Workflows.Expressions;

namespace Lapor.Workflows.Tests.Expressions;

public sealed class JuelOperatorTests
{
    private readonly ExpressionEvaluator _evaluator = new();

    [Theory]
    [InlineData("${a and b}", true, true, true)]
    [InlineData("${a and b}", true, false, false)]
    [InlineData("${a or b}", false, true, true)]
    [InlineData("${a or b}", false, false, false)]
    [InlineData("${not a}", true, false, false)]
    [InlineData("${not a}", false, false, true)]
    [InlineData("${a and not b}", true, false, true)]
    public void LogicalWordOperators_BehaveLikeTheirSymbols(string condition, bool a, bool b, bool expected)
    {
        Assert.Equal(expected, _evaluator.EvaluateCondition(condition, Vars.Of(("a", a), ("b", b))));
    }

    [Theory]
    [InlineData("${x eq 5}", 5, true)]
    [InlineData("${x eq 5}", 4, false)]
    [InlineData("${x ne 5}", 4, true)]
    [InlineData("${x ne 5}", 5, false)]
    [InlineData("${x lt 5}", 4, true)]
    [InlineData("${x lt 5}", 5, false)]
    [InlineData("${x gt 5}", 6, true)]
    [InlineData("${x gt 5}", 5, false)]
    [InlineData("${x le 5}", 5, true)]
    [InlineData("${x le 5}", 6, false)]
    [InlineData("${x ge 5}", 5, true)]
    [InlineData("${x ge 5}", 4, false)]
    [InlineData("${x mod 2 eq 1}", 7, true)]
    [InlineData("${x div 2 eq 2.5}", 5, true)]
    public void ComparisonWordOperators_BehaveLikeTheirSymbols(string condition, int x, bool expected)
    {
        Assert.Equal(expected, _evaluator.EvaluateCondition(condition, Vars.Of(("x", x))));
    }

    [Fact]
    public void StringLiteralContainingOperatorWords_IsKeptIntact()
    {
        var variables = Vars.Of(("genre", "rock and roll"));

        Assert.True(_evaluator.EvaluateCondition("${genre == 'rock and roll'}", variables));
        Assert.Equal("not eq or lt", _evaluator.Evaluate("${\"not eq or lt\"}", Vars.None));
    }

    [Fact]
    public void StringLiteralWithEscapedQuote_IsKeptIntact()
    {
        Assert.Equal("it's and", _evaluator.Evaluate(@"${'it\'s' + ' and'}", Vars.None));
    }

    [Fact]
    public void IdentifiersContainingOperatorWords_AreNotTranslated()
    {
        var variables = Vars.Of(("order", 1), ("notes", "x"), ("android", true), ("ltCount", 2));

        Assert.True(_evaluator.EvaluateCondition("${order eq 1 and notes eq 'x' and android and ltCount gt 1}", variables));
    }

    [Fact]
    public void PropertyNamedLikeOperator_IsNotTranslated()
    {
        // After a dot the word names a property; translating it would turn valid member access into a syntax error.
        Assert.Null(_evaluator.Evaluate("${groups.or}", Vars.Of(("groups", new[] { "a" }))));
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("", true)]
    [InlineData("isi", false)]
    public void EmptyOperator_IsTrueForNullAndEmptyString(string? note, bool expected)
    {
        Assert.Equal(expected, _evaluator.EvaluateCondition("${empty note}", Vars.Of(("note", note))));
    }

    [Fact]
    public void EmptyOperator_IsTrueForEmptyListOnly()
    {
        Assert.True(_evaluator.EvaluateCondition("${empty groups}", Vars.Of(("groups", Array.Empty<string>()))));
        Assert.False(_evaluator.EvaluateCondition("${empty groups}", Vars.Of(("groups", new[] { "dinas" }))));
    }

    [Theory]
    [InlineData(null, false)]
    [InlineData("", false)]
    [InlineData("isi", true)]
    public void NotEmpty_IsTheNegationOfEmpty(string? note, bool expected)
    {
        Assert.Equal(expected, _evaluator.EvaluateCondition("${not empty note}", Vars.Of(("note", note))));
    }

    [Fact]
    public void EmptyCombinedWithOtherOperators_KeepsPrecedence()
    {
        var variables = Vars.Of(("note", ""), ("urgent", true));

        Assert.True(_evaluator.EvaluateCondition("${empty note and urgent}", variables));
        Assert.False(_evaluator.EvaluateCondition("${not empty note or not urgent}", variables));
    }

    [Fact]
    public void EmptyOfParenthesizedExpression_IsSupported()
    {
        Assert.True(_evaluator.EvaluateCondition("${empty (note)}", Vars.Of(("note", null))));
    }

    [Fact]
    public void EmptyOfUnknownVariable_ReportsTheUnknownVariable()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.EvaluateCondition("${empty note}", Vars.None));

        Assert.Equal("Unknown variable 'note' in expression '${empty note}'", ex.Message);
    }
}
