using System.Text;
using Lapor.Workflows.Expressions;

namespace Lapor.Fuzz.Targets;

/// <summary>
/// An expression text as a model carries it (<c>${amount &gt; 5}</c>): checked as at deployment, then evaluated as a
/// gateway condition and as a value. <see cref="ExpressionException"/> is the expected refusal; anything else that
/// escapes (including from the JUEL translation or the sandbox walk) is a finding.
/// </summary>
public static class ExpressionTarget
{
    public const string Name = "expression";

    // Names the seeds use, one of each kind the evaluator converts.
    private static readonly Dictionary<string, object?> Variables = new(StringComparer.Ordinal)
    {
        ["amount"] = 10L,
        ["ratio"] = 0.5,
        ["status"] = "baru",
        ["approved"] = true,
        ["tags"] = new[] { "jalan", "air" },
        ["nothing"] = null,
    };

    public static void Run(Stream input)
    {
        var text = new StreamReader(input, Encoding.UTF8).ReadToEnd();
        // A fresh evaluator per input: its parse cache must not make one input's outcome depend on the previous one.
        var evaluator = new ExpressionEvaluator();
        if (!evaluator.Check(text).Ok)
            return;
        try
        {
            evaluator.EvaluateCondition(text, Variables);
        }
        catch (ExpressionException)
        {
        }
        try
        {
            evaluator.Evaluate(text, Variables);
        }
        catch (ExpressionException)
        {
        }
    }
}
