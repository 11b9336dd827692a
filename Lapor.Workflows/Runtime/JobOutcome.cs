namespace Lapor.Workflows.Runtime;

/// <summary>What firing a job did. Stale and Missing are normal: the token moved on, or another node fired it first.</summary>
public enum JobOutcome { Fired, Stale, Missing }
