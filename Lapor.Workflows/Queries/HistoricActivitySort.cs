namespace Lapor.Workflows.Queries;

/// <summary>
/// Sort keys of node visits. <see cref="Occurrence"/> is the order the rows were written; <see cref="Duration"/> is
/// computed, so it is sorted and paged after reading, every other key by the database.
/// </summary>
public enum HistoricActivitySort { StartTime, EndTime, Duration, ActivityId, ActivityName, ActivityType, ActivityInstanceId, InstanceId, Occurrence }
