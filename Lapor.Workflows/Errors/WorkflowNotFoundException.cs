namespace Lapor.Workflows.Errors;

/// <summary>The named definition, instance, task, job or incident does not exist (REST: 404).</summary>
public sealed class WorkflowNotFoundException(string message) : WorkflowException(message, "InvalidRequestException");
