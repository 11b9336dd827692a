namespace Lapor.Workflows.Parsing;

/// <summary>A BPMN file was refused; <see cref="Problems"/> lists every reason, each naming its element.</summary>
public sealed class DefinitionException(string resourceName, IReadOnlyList<DefinitionProblem> problems)
    : Exception($"'{resourceName}' cannot be deployed: " + string.Join("; ", problems))
{
    public string ResourceName { get; } = resourceName;
    public IReadOnlyList<DefinitionProblem> Problems { get; } = problems;
}
