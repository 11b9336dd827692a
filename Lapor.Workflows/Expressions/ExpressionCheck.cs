namespace Lapor.Workflows.Expressions;

/// <summary>Outcome of a deploy-time expression check; <see cref="Error"/> is set exactly when <see cref="Ok"/> is false.</summary>
public sealed record ExpressionCheck(bool Ok, string? Error)
{
    public static ExpressionCheck Valid { get; } = new(true, null);

    public static ExpressionCheck Invalid(string error) => new(false, error);
}
