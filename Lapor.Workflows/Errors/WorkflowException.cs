namespace Lapor.Workflows.Errors;

/// <summary>
/// A command cannot be carried out because of what was asked (bad variables, a task in the wrong state, a gateway
/// with no way out). The command changes nothing. The REST API answers 400 with <see cref="Type"/>.
/// </summary>
public class WorkflowException(string message, string type = "ProcessEngineException") : Exception(message)
{
    public string Type { get; } = type;
}
