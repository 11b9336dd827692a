namespace Lapor.Workflows.Queries;

/// <summary>
/// Sort keys of node visits. <see cref="Occurrence"/> is the order the start events were written (time, then chain
/// and seq); <see cref="Duration"/> is computed. Text keys sort ordinally.
/// </summary>
public enum HistoricActivitySort { StartTime, EndTime, Duration, ActivityId, ActivityName, ActivityType, ActivityInstanceId, InstanceId, Occurrence }
