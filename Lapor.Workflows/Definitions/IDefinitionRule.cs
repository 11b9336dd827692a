using Lapor.Workflows.Parsing;

namespace Lapor.Workflows.Definitions;

/// <summary>
/// A rule the host adds to deployment: the engine knows nothing of what its properties mean to the host (a stage a
/// citizen reads, say), so the host checks them here and a model that breaks a rule is refused at deploy, naming the
/// element, like any BPMN error — rather than accepted and then ignored at run time.
/// </summary>
public interface IDefinitionRule
{
    IEnumerable<DefinitionProblem> Check(ProcessModel model);
}
