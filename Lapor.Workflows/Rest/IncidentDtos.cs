using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Rest;

internal static class IncidentDtos
{
    public sealed record IncidentDto(
        string Id, string ProcessDefinitionId, string ProcessInstanceId, string ExecutionId, DateTime IncidentTimestamp, string IncidentType,
        string ActivityId, string FailedActivityId, string CauseIncidentId, string RootCauseIncidentId, string? Configuration, string? TenantId,
        string IncidentMessage, string? JobDefinitionId, string? Annotation)
    {
        public static IncidentDto Of(IncidentRow i) => new(
            i.Id, i.DefinitionId, i.InstanceId, i.ExecutionId, i.CreatedAt, i.Type, i.ActivityId, i.ActivityId, i.Id, i.Id, null, null,
            i.Message, null, null);
    }
}
