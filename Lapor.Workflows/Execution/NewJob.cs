namespace Lapor.Workflows.Execution;

public enum JobType { Timer, ServiceRetry, AsyncContinuation }

/// <summary>
/// Work due at a time: a timer, a retry of a failed service task, or an async continuation.
/// <see cref="Count"/> is firings so far for timers and attempts made so far for service jobs.
/// </summary>
public sealed record NewJob(string Id, JobType Type, string TokenId, string ActivityId, string ActivityInstanceId, DateTimeOffset DueAt, int Count, string? Error = null);
