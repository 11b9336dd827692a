namespace Lapor.Workflows.Execution;

/// <summary>Lifecycle of a process instance; names follow Camunda's historic states.</summary>
public enum InstanceStatus { Active, Completed, InternallyTerminated, ExternallyTerminated }
