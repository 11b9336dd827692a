namespace Lapor.Workflows.Expressions;

/// <summary>
/// Carries a failure out of a registered function through Jint, so the evaluator can tell it apart from
/// the engine's own errors and name the function.
/// </summary>
internal sealed class ExpressionFunctionException(string functionName, string reason, Exception? innerException = null)
    : Exception(reason, innerException)
{
    public string FunctionName { get; } = functionName;
}
