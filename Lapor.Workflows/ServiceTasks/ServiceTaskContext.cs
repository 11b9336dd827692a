namespace Lapor.Workflows.ServiceTasks;

/// <summary>What a handler may know about the step it runs for.</summary>
public sealed record ServiceTaskContext(
    string ProcessInstanceId,
    string? BusinessKey,
    string ProcessDefinitionKey,
    string ActivityId,
    IReadOnlyDictionary<string, object?> Variables,
    IReadOnlyDictionary<string, string> Properties,
    int Attempt);
