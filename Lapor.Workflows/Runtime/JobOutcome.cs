namespace Lapor.Workflows.Runtime;

/// <summary>
/// What firing a job did. Stale and Missing are normal: the token moved on, or another node fired it first.
/// Suspended: the instance is suspended, so the job stays and fires after the instance is resumed.
/// </summary>
public enum JobOutcome { Fired, Stale, Missing, Suspended }
