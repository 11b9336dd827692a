namespace Lapor.Workflows.Runtime;

/// <summary>
/// Which version of a decision a business rule task evaluates (<c>camunda:decisionRefBinding</c>): the latest, a fixed
/// <c>camunda:decisionRefVersion</c>, or the one deployed together with the process.
/// </summary>
public enum DecisionBinding
{
    Latest,
    Version,
    Deployment,
}
