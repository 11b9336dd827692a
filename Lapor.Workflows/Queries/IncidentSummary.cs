namespace Lapor.Workflows.Queries;

/// <summary>An open incident: a service task whose attempts are used up, waiting for an operator's retry.</summary>
public sealed record IncidentSummary(string Id, string ActivityId, string Message);
