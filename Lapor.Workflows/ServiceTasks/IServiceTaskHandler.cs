namespace Lapor.Workflows.ServiceTasks;

/// <summary>
/// The host's code behind a service task. Runs inside the engine's transaction; throwing marks the attempt failed
/// (retried per <c>camunda:failedJobRetryTimeCycle</c>, then an incident). Should be idempotent: it may run again.
/// </summary>
public interface IServiceTaskHandler
{
    /// <returns>Variables to set on the instance, or null.</returns>
    Task<IReadOnlyDictionary<string, object?>?> ExecuteAsync(ServiceTaskContext context, CancellationToken ct);
}
