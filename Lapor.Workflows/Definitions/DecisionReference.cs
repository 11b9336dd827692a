using Lapor.Workflows.Runtime;

namespace Lapor.Workflows.Definitions;

/// <summary>
/// What a business rule task evaluates and where the result goes: <c>camunda:decisionRef</c>,
/// <c>camunda:decisionRefBinding</c>/<c>decisionRefVersion</c>, <c>camunda:resultVariable</c> and
/// <c>camunda:mapDecisionResult</c> (default <c>resultList</c>, as in Camunda).
/// </summary>
public sealed record DecisionReference(string Key, DecisionBinding Binding, int? Version, string? ResultVariable, string MapDecisionResult);
