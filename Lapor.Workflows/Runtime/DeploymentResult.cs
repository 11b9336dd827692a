using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Runtime;

/// <summary>
/// The deployment and the definitions it created; <see cref="Unchanged"/> lists definitions kept by duplicate filtering.
/// The rows are for the engine's own REST API; callers outside the engine read the public lists below.
/// </summary>
public sealed record DeploymentResult
{
    internal DeploymentResult(DeploymentRow deployment, IReadOnlyList<ProcessDefinitionRow> deployed, IReadOnlyList<ProcessDefinitionRow> unchanged)
    {
        Deployment = deployment;
        Deployed = deployed;
        Unchanged = unchanged;
    }

    internal DeploymentRow Deployment { get; }
    internal IReadOnlyList<ProcessDefinitionRow> Deployed { get; }
    internal IReadOnlyList<ProcessDefinitionRow> Unchanged { get; }

    /// <summary>Decision definitions (DMN) this deployment created.</summary>
    internal IReadOnlyList<DecisionDefinitionRow> DeployedDecisions { get; init; } = [];

    /// <summary>Decision definitions kept by duplicate filtering.</summary>
    internal IReadOnlyList<DecisionDefinitionRow> UnchangedDecisions { get; init; } = [];

    /// <summary>The process definitions created, for callers outside the engine.</summary>
    public IReadOnlyList<DeployedDefinition> Processes => Deployed.Select(DeployedDefinition.Of).ToList();

    /// <summary>The process definitions kept by duplicate filtering, for callers outside the engine.</summary>
    public IReadOnlyList<DeployedDefinition> KeptProcesses => Unchanged.Select(DeployedDefinition.Of).ToList();

    /// <summary>The decision definitions created, for callers outside the engine.</summary>
    public IReadOnlyList<DeployedDefinition> Decisions => DeployedDecisions.Select(DeployedDefinition.Of).ToList();
}
