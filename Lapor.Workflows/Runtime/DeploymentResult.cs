using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Runtime;

/// <summary>The deployment and the definitions it created; <see cref="Unchanged"/> lists definitions kept by duplicate filtering.</summary>
public sealed record DeploymentResult(DeploymentRow Deployment, IReadOnlyList<ProcessDefinitionRow> Deployed, IReadOnlyList<ProcessDefinitionRow> Unchanged)
{
    /// <summary>Decision definitions (DMN) this deployment created.</summary>
    public IReadOnlyList<DecisionDefinitionRow> DeployedDecisions { get; init; } = [];

    /// <summary>Decision definitions kept by duplicate filtering.</summary>
    public IReadOnlyList<DecisionDefinitionRow> UnchangedDecisions { get; init; } = [];

    /// <summary>The process definitions created, for callers outside the engine.</summary>
    public IReadOnlyList<DeployedDefinition> Processes => Deployed.Select(DeployedDefinition.Of).ToList();

    /// <summary>The process definitions kept by duplicate filtering, for callers outside the engine.</summary>
    public IReadOnlyList<DeployedDefinition> KeptProcesses => Unchanged.Select(DeployedDefinition.Of).ToList();

    /// <summary>The decision definitions created, for callers outside the engine.</summary>
    public IReadOnlyList<DeployedDefinition> Decisions => DeployedDecisions.Select(DeployedDefinition.Of).ToList();
}
