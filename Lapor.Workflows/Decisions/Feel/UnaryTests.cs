namespace Lapor.Workflows.Decisions.Feel;

/// <summary>
/// The text of one input cell, read once at deploy time: <c>-</c> (or nothing) matches anything, a comma list matches
/// when any of its tests does, <c>not(...)</c> when none does.
/// </summary>
public sealed record UnaryTests(string Text, IReadOnlyList<UnaryTest> Tests, bool Negated)
{
    public bool MatchesAnything => Tests.Count == 0;

    public bool Matches(object? input)
    {
        if (MatchesAnything)
            return true;
        var any = Tests.Any(t => t.Matches(input));
        return Negated ? !any : any;
    }

    /// <summary>Reads a cell; throws <see cref="FeelException"/> saying what is wrong and where.</summary>
    public static UnaryTests Parse(string? text)
    {
        text ??= "";
        var reader = new FeelReader(text);
        if (reader.AtEnd || reader.TryTake("-") && reader.AtEnd)
            return new UnaryTests(text, [], false);
        reader = new FeelReader(text);
        var negated = false;
        if (reader.TryTake("not"))
        {
            reader.Expect("(");
            negated = true;
        }
        var tests = new List<UnaryTest> { ReadPositive(reader) };
        while (reader.TryTake(","))
            tests.Add(ReadPositive(reader));
        if (negated)
            reader.Expect(")");
        if (!reader.AtEnd)
            throw reader.Error("expected ',' or the end of the cell");
        return new UnaryTests(text, tests, negated);
    }

    private static UnaryTest ReadPositive(FeelReader reader)
    {
        foreach (var op in new[] { "<=", ">=", "!=", "<", ">", "=" })
        {
            if (reader.TryTake(op))
                return new UnaryTest.Comparison(op, reader.ReadLiteral());
        }
        var opening = reader.Peek();
        if (opening is '[' or ']' or '(')
        {
            reader.TryTake(opening.Value.ToString());
            var low = reader.ReadLiteral();
            reader.Expect("..");
            var high = reader.ReadLiteral();
            var closing = reader.Peek();
            if (closing is not (']' or '[' or ')'))
                throw reader.Error("expected ']', '[' or ')' to close the range");
            reader.TryTake(closing.Value.ToString());
            if (FeelValues.Compare(low, high) is null)
                throw reader.Error($"the ends of the range {FeelValues.Describe(low)}..{FeelValues.Describe(high)} cannot be compared (use two numbers, two texts or two dates)");
            return new UnaryTest.Interval(low, opening == '[', high, closing == ']');
        }
        return new UnaryTest.EqualTo(reader.ReadLiteral());
    }
}
