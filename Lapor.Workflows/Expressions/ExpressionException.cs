namespace Lapor.Workflows.Expressions;

/// <summary>An expression could not be parsed, was not allowed, or failed while being evaluated.</summary>
public sealed class ExpressionException(string message, string expression, Exception? innerException = null)
    : Exception(message, innerException)
{
    /// <summary>The offending <c>${...}</c> part (or the whole text for condition type errors), as written in the model.</summary>
    public string Expression { get; } = expression;
}
