using Lapor.Workflows.Decisions.Feel;

namespace Lapor.Workflows.Decisions;

/// <summary>An input column: what it reads (a variable name or path) and how the value is typed (<c>typeRef</c>).</summary>
public sealed record DecisionInput(string Id, string? Label, ValueExpression Expression, string? TypeRef)
{
    /// <summary>How the auditor's viewer and messages name the column.</summary>
    public string Title => Label ?? Expression.Text;
}
