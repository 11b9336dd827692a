namespace Lapor.Workflows.Decisions.Feel;

/// <summary>One positive unary test of a decision table cell: a value, a comparison or an interval.</summary>
public abstract record UnaryTest
{
    public abstract bool Matches(object? input);

    /// <summary><c>"Jalan"</c>, <c>5</c>, <c>true</c>, <c>null</c>: the input equals the value.</summary>
    public sealed record EqualTo(object? Value) : UnaryTest
    {
        public override bool Matches(object? input) => FeelValues.AreEqual(input, Value);
    }

    /// <summary><c>&lt; 10</c>, <c>&gt;= 3</c>, <c>!= "x"</c>.</summary>
    public sealed record Comparison(string Operator, object? Value) : UnaryTest
    {
        public override bool Matches(object? input)
        {
            if (Operator == "=")
                return FeelValues.AreEqual(input, Value);
            if (Operator == "!=")
                return !FeelValues.AreEqual(input, Value);
            return FeelValues.Compare(input, Value) is { } order && Operator switch
            {
                "<" => order < 0,
                "<=" => order <= 0,
                ">" => order > 0,
                _ => order >= 0,
            };
        }
    }

    /// <summary><c>[1..5]</c>, <c>]1..5[</c>, <c>(1..5)</c>: the input lies between the ends, each included or not.</summary>
    public sealed record Interval(object? Low, bool LowIncluded, object? High, bool HighIncluded) : UnaryTest
    {
        public override bool Matches(object? input) =>
            FeelValues.Compare(input, Low) is { } low && (LowIncluded ? low >= 0 : low > 0)
            && FeelValues.Compare(input, High) is { } high && (HighIncluded ? high <= 0 : high < 0);
    }
}
