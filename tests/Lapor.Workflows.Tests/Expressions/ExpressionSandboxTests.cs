using Lapor.Workflows.Expressions;

namespace Lapor.Workflows.Tests.Expressions;

public sealed class ExpressionSandboxTests
{
    private readonly ExpressionEvaluator _evaluator = new();

    [Theory]
    [InlineData("${while(true){}}", "loops are not allowed")]
    [InlineData("${for(;;){}}", "loops are not allowed")]
    [InlineData("${(() => { while(true){} })()}", "functions are not allowed")]
    [InlineData("${(function () { for (;;) {} })()}", "functions are not allowed")]
    [InlineData("${new Array(5)}", "'new' is not allowed")]
    [InlineData("${x = 1}", "assignments are not allowed")]
    [InlineData("${x++}", "assignments are not allowed")]
    [InlineData("${eval('1')}", "'eval' is not allowed")]
    [InlineData("${Function('return 1')()}", "'Function' is not allowed")]
    [InlineData("${import('fs')}", "'import' is not allowed")]
    [InlineData("${(class {})}", "classes are not allowed")]
    [InlineData("${var x = 1}", "declarations are not allowed")]
    public void ForbiddenConstruct_IsRejectedByCheck(string text, string reason)
    {
        ExpressionCheck check = _evaluator.Check(text);

        Assert.False(check.Ok);
        Assert.Equal($"Expression '{text}' is not allowed: {reason}", check.Error);
    }

    [Fact]
    public void InfiniteLoop_FailsWhenEvaluated()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("${while(true){}}", Vars.None));

        Assert.Contains("loops are not allowed", ex.Message);
    }

    [Theory]
    [InlineData("${System}")]
    [InlineData("${importNamespace('System.IO')}")]
    [InlineData("${clrHelper}")]
    [InlineData("${System.IO.File.ReadAllText('/etc/passwd')}")]
    public void ClrEntryPoints_AreUnknownVariables(string text)
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(text, Vars.None));

        Assert.StartsWith("Unknown variable '", ex.Message);
    }

    [Theory]
    [InlineData("${[].constructor.constructor('return 1')()}")]
    [InlineData("${now.constructor('return 1')()}")]
    public void FunctionConstructorReachedThroughPrototypes_IsDisabled(string text)
    {
        var functions = new ExpressionFunctions().Add("now", () => "2024-01-01");

        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate(text, Vars.None, functions));

        Assert.Contains("String compilation has been disabled", ex.Message);
    }

    [Fact]
    public void ClrObjectVariable_ExposesNoClrMembers()
    {
        var variables = Vars.Of(("file", new FileInfo("/etc/hostname")));

        Assert.Equal("undefined", _evaluator.Evaluate("${typeof file.Delete}", variables));
    }

    [Fact]
    public void HugeStringRepeat_IsUnavailable()
    {
        Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("${'x'.repeat(100000000).length}", Vars.None));
    }

    [Fact]
    public void HugeArray_ExceedsTheLimits()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("${Array(10000000).fill(0).length}", Vars.None));

        Assert.Contains("larger than maximum allowed", ex.Message);
    }

    [Fact]
    public void HugePadding_ExceedsTheMemoryLimit()
    {
        Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("${'x'.padEnd(100000000).length}", Vars.None));
    }

    [Fact]
    public void CatastrophicRegex_IsStoppedByTheTimeLimit()
    {
        var ex = Assert.Throws<ExpressionException>(
            () => _evaluator.Evaluate("${/^(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')}", Vars.None));

        Assert.Contains("ran longer than", ex.Message);
    }

    [Fact]
    public void GlobalChangesByOneEvaluation_DoNotLeakIntoTheNext()
    {
        _evaluator.Evaluate("${Object.assign(globalThis, { leaked: true }) && 1}", Vars.None);

        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("${leaked}", Vars.None));
        Assert.Equal("Unknown variable 'leaked' in expression '${leaked}'", ex.Message);
    }
}
