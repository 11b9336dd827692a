using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Rest;

internal static class IncidentDtos
{
    /// <summary>
    /// Camunda's incident. Lapor's incidents have no cause chain, so an incident is its own cause and root cause, and the
    /// failed activity is the activity.
    /// </summary>
    public sealed record IncidentDto
    {
        public required string Id { get; init; }
        public required string ProcessDefinitionId { get; init; }
        public required string ProcessInstanceId { get; init; }
        public required string ExecutionId { get; init; }
        public required DateTime IncidentTimestamp { get; init; }

        /// <summary>One of <see cref="Runtime.IncidentTypes"/>.</summary>
        public required string IncidentType { get; init; }

        public required string ActivityId { get; init; }
        public required string FailedActivityId { get; init; }
        public required string CauseIncidentId { get; init; }
        public required string RootCauseIncidentId { get; init; }
        public string? Configuration { get; init; }
        public string? TenantId { get; init; }
        public required string IncidentMessage { get; init; }
        public string? JobDefinitionId { get; init; }
        public string? Annotation { get; init; }

        public static IncidentDto Of(IncidentRow i) => new()
        {
            Id = i.Id, ProcessDefinitionId = i.DefinitionId, ProcessInstanceId = i.InstanceId, ExecutionId = i.ExecutionId,
            IncidentTimestamp = i.CreatedAt, IncidentType = i.Type, ActivityId = i.ActivityId, FailedActivityId = i.ActivityId,
            CauseIncidentId = i.Id, RootCauseIncidentId = i.Id, IncidentMessage = i.Message,
        };
    }
}
