using Lapor.Workflows.Expressions;

namespace Lapor.Workflows.Tests.Expressions;

public sealed class ExpressionFunctionsTests
{
    private readonly ExpressionEvaluator _evaluator = new();

    [Fact]
    public void NumberFunction_ReturnsWhatTheDelegateReturns()
    {
        double? received = null;
        var functions = new ExpressionFunctions().Add("workingDays", (double days) =>
        {
            received = days;
            return "2024-05-08T00:00:00.0000000+07:00";
        });

        object? result = _evaluator.Evaluate("${workingDays(5)}", Vars.None, functions);

        Assert.Equal("2024-05-08T00:00:00.0000000+07:00", result);
        Assert.Equal(5.0, received);
    }

    [Fact]
    public void NumberFunction_AcceptsVariableArguments()
    {
        var functions = new ExpressionFunctions().Add("workingDays", (double days) => $"+{days}");

        Assert.Equal("+3", _evaluator.Evaluate("${workingDays(sla)}", Vars.Of(("sla", 3L)), functions));
    }

    [Fact]
    public void ParameterlessFunction_ResultIsConvertedLikeVariables()
    {
        var moment = new DateTimeOffset(2024, 5, 1, 8, 30, 0, TimeSpan.FromHours(7));
        var functions = new ExpressionFunctions().Add("now", () => moment);

        Assert.Equal("2024-05-01T08:30:00.0000000+07:00", _evaluator.Evaluate("${now()}", Vars.None, functions));
    }

    [Fact]
    public void StringFunction_ReceivesTheString()
    {
        var functions = new ExpressionFunctions().Add("unitOf", (string code) => code.Split('-')[0]);

        Assert.Equal("KEC", _evaluator.Evaluate("${unitOf(code)}", Vars.Of(("code", "KEC-12")), functions));
    }

    [Fact]
    public void FunctionResult_CanTakePartInConditions()
    {
        var functions = new ExpressionFunctions().Add("score", (double n) => n * 10);

        Assert.True(_evaluator.EvaluateCondition("${score(x) gt 20}", Vars.Of(("x", 3)), functions));
    }

    [Fact]
    public void FunctionWithSameNameAsVariable_WinsOverTheVariable()
    {
        var functions = new ExpressionFunctions().Add("now", () => "function");

        Assert.Equal("function", _evaluator.Evaluate("${now()}", Vars.Of(("now", "variable")), functions));
    }

    [Fact]
    public void ThrowingFunction_FailsNamingTheFunction()
    {
        var functions = new ExpressionFunctions().Add("workingDays", (double _) => throw new InvalidOperationException("no calendar"));

        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("${workingDays(2)}", Vars.None, functions));

        Assert.Equal(
            "Expression '${workingDays(2)}' failed: function 'workingDays' threw InvalidOperationException: no calendar",
            ex.Message);
        Assert.IsType<InvalidOperationException>(ex.InnerException);
    }

    [Theory]
    [InlineData("${workingDays()}", "expects 1 argument, got 0")]
    [InlineData("${workingDays(1, 2)}", "expects 1 argument, got 2")]
    [InlineData("${workingDays('lima')}", "expects a number, got 'lima'")]
    public void FunctionCalledWithWrongArguments_FailsNamingTheProblem(string text, string problem)
    {
        var functions = new ExpressionFunctions().Add("workingDays", (double n) => n);

        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(text, Vars.None, functions));

        Assert.Equal($"Expression '{text}' failed: function 'workingDays' {problem}", ex.Message);
    }

    [Fact]
    public void FunctionWithoutRegistration_IsAnUnknownVariable()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("${workingDays(5)}", Vars.None));

        Assert.Equal("Unknown variable 'workingDays' in expression '${workingDays(5)}'", ex.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("1day")]
    [InlineData("working days")]
    [InlineData("working-days")]
    [InlineData("and")]
    [InlineData("empty")]
    [InlineData("while")]
    [InlineData("Math")]
    [InlineData("eval")]
    [InlineData("undefined")]
    public void FunctionName_MustBeAnIdentifierThatHidesNothing(string name)
    {
        Assert.Throws<ArgumentException>(() => new ExpressionFunctions().Add(name, () => null));
    }

    [Fact]
    public void FunctionName_CannotBeRegisteredTwice()
    {
        var functions = new ExpressionFunctions().Add("now", () => null);

        Assert.Throws<ArgumentException>(() => functions.Add("now", () => null));
    }
}
