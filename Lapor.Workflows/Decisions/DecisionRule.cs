using Lapor.Workflows.Decisions.Feel;

namespace Lapor.Workflows.Decisions;

/// <summary>A row of the table: one test per input column and one value per output column. <see cref="Number"/> counts from 1.</summary>
public sealed record DecisionRule(string Id, int Number, IReadOnlyList<UnaryTests> InputEntries, IReadOnlyList<ValueExpression> OutputEntries);
