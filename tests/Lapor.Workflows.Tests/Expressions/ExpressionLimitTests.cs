using Lapor.Workflows.Expressions;

namespace Lapor.Workflows.Tests.Expressions;

/// <summary>Expressions built to exhaust the parser are refused by a limit the message names.</summary>
public sealed class ExpressionLimitTests
{
    private readonly ExpressionEvaluator _evaluator = new();

    [Fact]
    public void AnExpressionLongerThanTheLimit_IsRefusedNamingTheLimit()
    {
        var check = _evaluator.Check("${" + string.Join(" || ", Enumerable.Repeat("a == 1", 1_000)) + "}");
        Assert.False(check.Ok);
        Assert.Contains($"the limit is {CompiledText.MaxLength:N0}", check.Error);
    }

    [Fact]
    public void BracketsNestedBeyondTheLimit_AreRefusedNamingTheLimit()
    {
        var check = _evaluator.Check("${" + new string((char)40, 100) + "1" + new string((char)41, 100) + "}");
        Assert.False(check.Ok);
        Assert.Contains($"the limit is {CompiledText.MaxNesting}", check.Error);
    }

    [Fact]
    public void ARealisticCondition_StillPasses() =>
        Assert.True(_evaluator.Check("${decision == 'verify' && (agency != null || (forwardTo != null && forwardReason != null))}").Ok);
}
