using System.Text.Json;
using Lapor.Workflows.Persistence;

namespace Lapor.Workflows.Rest;

internal static class TaskDtos
{
    /// <summary>Camunda's task; the case, tenant and form-reference fields Lapor has no use for are always null.</summary>
    public sealed record TaskDto
    {
        public required string Id { get; init; }
        public string? Name { get; init; }
        public string? Assignee { get; init; }
        public string? Owner { get; init; }
        public required DateTime Created { get; init; }
        public DateTime? Due { get; init; }
        public DateTime? FollowUp { get; init; }

        /// <summary>One of <see cref="Runtime.DelegationStates"/>, or null when the task was never delegated.</summary>
        public string? DelegationState { get; init; }

        public string? Description { get; init; }
        public required string ExecutionId { get; init; }
        public string? ParentTaskId { get; init; }
        public int Priority { get; init; }
        public required string ProcessDefinitionId { get; init; }
        public required string ProcessInstanceId { get; init; }
        public string? CaseExecutionId { get; init; }
        public string? CaseDefinitionId { get; init; }
        public string? CaseInstanceId { get; init; }
        public required string TaskDefinitionKey { get; init; }
        public bool Suspended { get; init; }
        public string? FormKey { get; init; }
        public string? CamundaFormRef { get; init; }
        public string? TenantId { get; init; }

        public static TaskDto Of(TaskRow t) => new()
        {
            Id = t.Id, Name = t.Name, Assignee = t.Assignee, Owner = t.Owner, Created = t.CreatedAt, Due = t.Due, FollowUp = t.FollowUp,
            DelegationState = t.DelegationState, Description = t.Description, ExecutionId = t.ExecutionId, Priority = t.Priority,
            ProcessDefinitionId = t.DefinitionId, ProcessInstanceId = t.InstanceId, TaskDefinitionKey = t.TaskDefinitionKey, FormKey = t.FormKey,
        };
    }

    /// <summary>Body of claim, assignee and delegate.</summary>
    public sealed record UserIdBody(string? UserId);

    /// <summary>Body of complete and resolve.</summary>
    public sealed record CompleteBody(Dictionary<string, JsonElement>? Variables, bool WithVariablesInReturn);
}
