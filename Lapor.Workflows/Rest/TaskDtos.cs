using System.Text.Json;
using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Rest;

internal static class TaskDtos
{
    public sealed record TaskDto(
        string Id, string? Name, string? Assignee, string? Owner, DateTime Created, DateTime? Due, DateTime? FollowUp, string? DelegationState,
        string? Description, string ExecutionId, string? ParentTaskId, int Priority, string ProcessDefinitionId, string ProcessInstanceId,
        string? CaseExecutionId, string? CaseDefinitionId, string? CaseInstanceId, string TaskDefinitionKey, bool Suspended, string? FormKey,
        string? CamundaFormRef, string? TenantId)
    {
        public static TaskDto Of(TaskRow t) => new(
            t.Id, t.Name, t.Assignee, t.Owner, t.CreatedAt, t.Due, t.FollowUp, t.DelegationState, t.Description, t.ExecutionId, null, t.Priority,
            t.DefinitionId, t.InstanceId, null, null, null, t.TaskDefinitionKey, false, t.FormKey, null, null);
    }

    /// <summary>Body of claim, assignee and delegate.</summary>
    public sealed record UserIdBody(string? UserId);

    /// <summary>Body of complete and resolve.</summary>
    public sealed record CompleteBody(Dictionary<string, JsonElement>? Variables, bool WithVariablesInReturn);
}
