using Lapor.Workflows.Expressions;

namespace Lapor.Workflows.Tests.Expressions;

public sealed class ExpressionEvaluatorTests
{
    private readonly ExpressionEvaluator _evaluator = new();

    [Theory]
    [InlineData("diterima", true)]
    [InlineData("ditolak", false)]
    public void ConditionComparingStringVariable_IsTrueWhenEqual(string status, bool expected)
    {
        bool result = _evaluator.EvaluateCondition("${status == 'diterima'}", Vars.Of(("status", status)));

        Assert.Equal(expected, result);
    }

    [Theory]
    [InlineData(5, true)]
    [InlineData(3, false)]
    [InlineData(2, false)]
    public void ConditionComparingIntVariable_UsesNumericOrder(int priority, bool expected)
    {
        Assert.Equal(expected, _evaluator.EvaluateCondition("${priority > 3}", Vars.Of(("priority", priority))));
    }

    [Theory]
    [InlineData(10L, true)]
    [InlineData(9L, false)]
    public void ConditionComparingLongVariable_UsesNumericOrder(long days, bool expected)
    {
        Assert.Equal(expected, _evaluator.EvaluateCondition("${days >= 10}", Vars.Of(("days", days))));
    }

    [Theory]
    [InlineData(2.5, true)]
    [InlineData(2.4, false)]
    public void ConditionComparingDoubleVariable_KeepsFractions(double score, bool expected)
    {
        Assert.Equal(expected, _evaluator.EvaluateCondition("${score >= 2.5}", Vars.Of(("score", score))));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void ConditionOnBooleanVariable_GivesItsValue(bool approved)
    {
        Assert.Equal(approved, _evaluator.EvaluateCondition("${approved}", Vars.Of(("approved", approved))));
    }

    [Fact]
    public void ConditionComparingNumberWithNumericString_UsesLooseEquality()
    {
        Assert.True(_evaluator.EvaluateCondition("${code == 5}", Vars.Of(("code", "5"))));
    }

    [Fact]
    public void IntegralNumberResult_IsLong()
    {
        object? result = _evaluator.Evaluate("${a + 2}", Vars.Of(("a", 1)));

        Assert.IsType<long>(result);
        Assert.Equal(3L, result);
    }

    [Fact]
    public void FractionalNumberResult_IsDouble()
    {
        Assert.Equal(0.5, _evaluator.Evaluate("${a / 2}", Vars.Of(("a", 1))));
    }

    [Fact]
    public void StringResult_IsString()
    {
        Assert.Equal("budi", _evaluator.Evaluate("${assignee}", Vars.Of(("assignee", "budi"))));
    }

    [Fact]
    public void NullVariable_GivesNull()
    {
        Assert.Null(_evaluator.Evaluate("${assignee}", Vars.Of(("assignee", null))));
    }

    [Fact]
    public void DateTimeOffsetVariable_IsSeenAsRoundTripIsoString()
    {
        var deadline = new DateTimeOffset(2024, 5, 1, 10, 0, 0, TimeSpan.FromHours(7));

        object? result = _evaluator.Evaluate("${deadline}", Vars.Of(("deadline", deadline)));

        Assert.Equal("2024-05-01T10:00:00.0000000+07:00", result);
    }

    [Fact]
    public void DateTimeVariable_IsSeenAsRoundTripIsoString()
    {
        var created = new DateTime(2024, 5, 1, 3, 0, 0, DateTimeKind.Utc);

        Assert.Equal("2024-05-01T03:00:00.0000000Z", _evaluator.Evaluate("${created}", Vars.Of(("created", created))));
    }

    [Fact]
    public void StringListVariable_IsSeenAsArray()
    {
        var variables = Vars.Of(("groups", new List<string> { "kecamatan", "dinas" }));

        Assert.Equal(2L, _evaluator.Evaluate("${groups.length}", variables));
        Assert.True(_evaluator.EvaluateCondition("${groups.includes('dinas')}", variables));
    }

    [Fact]
    public void ArrayResultOfStrings_IsStringArray()
    {
        object? result = _evaluator.Evaluate("${groups}", Vars.Of(("groups", new[] { "a", "b" })));

        string[] groups = Assert.IsType<string[]>(result);
        Assert.Equal(["a", "b"], groups);
    }

    [Fact]
    public void OtherVariableTypes_AreSeenAsTheirText()
    {
        var variables = Vars.Of(("reporter", new Reporter("Siti")), ("id", Guid.Empty));

        Assert.Equal("Reporter { Name = Siti }", _evaluator.Evaluate("${reporter}", variables));
        Assert.Equal("string", _evaluator.Evaluate("${typeof reporter}", variables));
        Assert.Equal(Guid.Empty.ToString(), _evaluator.Evaluate("${id}", variables));
    }

    [Fact]
    public void TextWithoutExpression_IsReturnedUnchanged()
    {
        const string text = "kecamatan-{utara}";

        Assert.Same(text, _evaluator.Evaluate(text, Vars.None));
    }

    [Fact]
    public void MixedLiteralText_IsConcatenated()
    {
        object? result = _evaluator.Evaluate("Laporan ${code} diterima", Vars.Of(("code", "LPR-7")));

        Assert.Equal("Laporan LPR-7 diterima", result);
    }

    [Fact]
    public void MixedTextWithSeveralParts_RendersNumbersAndNullsLikeJuel()
    {
        object? result = _evaluator.Evaluate(
            "${count} laporan, ${count * 1.5} jam, catatan: '${note}'",
            Vars.Of(("count", 4), ("note", null)));

        Assert.Equal("4 laporan, 6 jam, catatan: ''", result);
    }

    [Fact]
    public void SingleExpressionSurroundedByWhitespace_KeepsItsType()
    {
        object? result = _evaluator.Evaluate("\n      ${approved}\n    ", Vars.Of(("approved", true)));

        Assert.Equal(true, result);
    }

    [Fact]
    public void HashBraceExpression_IsEvaluatedLikeDollarBrace()
    {
        Assert.Equal(2L, _evaluator.Evaluate("#{1 + 1}", Vars.None));
    }

    [Fact]
    public void ClosingBraceInsideStringLiteral_DoesNotEndTheExpression()
    {
        Assert.Equal("a}b", _evaluator.Evaluate("${'a}' + 'b'}", Vars.None));
    }

    [Theory]
    [InlineData("${x}", true)]
    [InlineData("#{x}", true)]
    [InlineData("Laporan ${code} diterima", true)]
    [InlineData("budi", false)]
    [InlineData("${unclosed", false)]
    [InlineData("{x}", false)]
    [InlineData("", false)]
    [InlineData(null, false)]
    public void IsExpression_RecognisesDollarAndHashBraces(string? text, bool expected)
    {
        Assert.Equal(expected, ExpressionEvaluator.IsExpression(text));
    }

    [Fact]
    public void UnknownVariable_FailsWithMessageNamingIt()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.EvaluateCondition("${x > 1}", Vars.None));

        Assert.Equal("Unknown variable 'x' in expression '${x > 1}'", ex.Message);
        Assert.Equal("${x > 1}", ex.Expression);
    }

    [Fact]
    public void UnknownVariableInMixedText_NamesTheFailingPart()
    {
        var ex = Assert.Throws<ExpressionException>(
            () => _evaluator.Evaluate("Laporan ${code} untuk ${unit}", Vars.Of(("code", "L-1"))));

        Assert.Equal("Unknown variable 'unit' in expression '${unit}'", ex.Message);
    }

    [Fact]
    public void UnknownVariableInUntakenBranch_IsNotEvaluated()
    {
        Assert.True(_evaluator.EvaluateCondition("${urgent || missing > 1}", Vars.Of(("urgent", true))));
    }

    [Fact]
    public void NonBooleanCondition_FailsWithMessageNamingTheValue()
    {
        var ex = Assert.Throws<ExpressionException>(
            () => _evaluator.EvaluateCondition("${status}", Vars.Of(("status", "abc"))));

        Assert.Equal("Condition '${status}' gave 'abc' (String), expected true or false", ex.Message);
    }

    [Theory]
    [InlineData("${1}")]
    [InlineData("${'true'}")]
    [InlineData("${null}")]
    public void TruthyOrFalsyCondition_IsNotAcceptedAsBoolean(string condition)
    {
        Assert.Throws<ExpressionException>(() => _evaluator.EvaluateCondition(condition, Vars.None));
    }

    [Fact]
    public void RuntimeError_NamesTheExpressionAndTheReason()
    {
        var ex = Assert.Throws<ExpressionException>(
            () => _evaluator.Evaluate("${unit.name}", Vars.Of(("unit", null))));

        Assert.StartsWith("Expression '${unit.name}' failed: TypeError:", ex.Message);
        Assert.Contains("null", ex.Message);
    }

    [Fact]
    public void ObjectResult_IsRejected()
    {
        var ex = Assert.Throws<ExpressionException>(() => _evaluator.Evaluate("${ ({ a: 1 }) }", Vars.None));

        Assert.Contains("gave an object", ex.Message);
    }

    [Fact]
    public void ParseCache_StaysBounded()
    {
        for (int i = 0; i < ExpressionEvaluator.MaxCachedTexts + 50; i++)
        {
            _evaluator.Evaluate($"${{{i} + 1}}", Vars.None);
        }

        Assert.InRange(_evaluator.CachedTextCount, 1, ExpressionEvaluator.MaxCachedTexts);
    }

    [Fact]
    public void ParallelEvaluations_WithDifferentVariables_GiveTheirOwnAnswers()
    {
        var functions = new ExpressionFunctions().Add("twice", (double n) => n * 2);
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();

        Parallel.For(0, 200, i =>
        {
            var variables = Vars.Of(("n", i), ("code", $"L-{i}"), ("groups", new[] { $"g{i}" }));
            object? doubled = _evaluator.Evaluate("${twice(n)}", variables, functions);
            bool even = _evaluator.EvaluateCondition("${n % 2 == 0 and groups[0] == 'g' + n}", variables, functions);
            object? text = _evaluator.Evaluate("Laporan ${code} (${n})", variables, functions);
            if (!Equals(doubled, 2L * i) || even != (i % 2 == 0) || !Equals(text, $"Laporan L-{i} ({i})"))
            {
                failures.Add($"{i}: {doubled} {even} {text}");
            }
        });

        Assert.Empty(failures);
    }

    private sealed record Reporter(string Name);
}
