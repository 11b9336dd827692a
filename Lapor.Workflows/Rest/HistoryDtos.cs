using static Lapor.Workflows.Rest.VariablesJson;

namespace Lapor.Workflows.Rest;

/// <summary>Camunda's historic shapes, projected from the one append-only history table.</summary>
internal static class HistoryDtos
{
    public sealed record HistoricProcessInstanceDto(
        string Id, string? BusinessKey, string ProcessDefinitionId, string ProcessDefinitionKey, string? ProcessDefinitionName,
        int? ProcessDefinitionVersion, DateTime StartTime, DateTime? EndTime, DateTime? RemovalTime, long? DurationInMillis, string? StartUserId,
        string? StartActivityId, string? DeleteReason, string RootProcessInstanceId, string? SuperProcessInstanceId, string? SuperCaseInstanceId,
        string? CaseInstanceId, string? TenantId, string State);

    public sealed record HistoricActivityInstanceDto(
        string Id, string? ParentActivityInstanceId, string ActivityId, string? ActivityName, string? ActivityType, string? ProcessDefinitionKey,
        string? ProcessDefinitionId, string ProcessInstanceId, string? ExecutionId, string? TaskId, string? CalledProcessInstanceId,
        string? CalledCaseInstanceId, string? Assignee, DateTime StartTime, DateTime? EndTime, long? DurationInMillis, bool Canceled,
        bool CompleteScope, string? TenantId, DateTime? RemovalTime, string RootProcessInstanceId);

    public sealed record HistoricTaskInstanceDto(
        string Id, string? ProcessDefinitionKey, string? ProcessDefinitionId, string ProcessInstanceId, string? ExecutionId,
        string? CaseDefinitionKey, string? CaseDefinitionId, string? CaseInstanceId, string? CaseExecutionId, string? ActivityInstanceId,
        string? Name, string? Description, string? DeleteReason, string? Owner, string? Assignee, DateTime StartTime, DateTime? EndTime,
        long? Duration, string TaskDefinitionKey, int Priority, DateTime? Due, string? ParentTaskId, DateTime? FollowUp, string? TenantId,
        DateTime? RemovalTime, string RootProcessInstanceId, string TaskState);

    public sealed record HistoricVariableInstanceDto(
        string Id, string Name, string Type, object? Value, IReadOnlyDictionary<string, object?> ValueInfo, string? ProcessDefinitionKey,
        string? ProcessDefinitionId, string ProcessInstanceId, string? ExecutionId, string? ActivityInstanceId, string? CaseDefinitionKey,
        string? CaseDefinitionId, string? CaseInstanceId, string? CaseExecutionId, string? TaskId, string? ErrorMessage, string? TenantId,
        string State, DateTime CreateTime, DateTime? RemovalTime, string RootProcessInstanceId);

    /// <summary>A <c>variableUpdate</c> entry of <c>/history/detail</c>: one per time a variable was set.</summary>
    public sealed record HistoricVariableUpdateDto(
        string Type, string Id, string? ProcessDefinitionKey, string? ProcessDefinitionId, string ProcessInstanceId, string? ActivityInstanceId,
        string? ExecutionId, string? CaseDefinitionKey, string? CaseDefinitionId, string? CaseInstanceId, string? CaseExecutionId, string? TaskId,
        string? TenantId, string? UserOperationId, DateTime Time, DateTime? RemovalTime, string RootProcessInstanceId, string VariableName,
        string VariableInstanceId, string VariableType, object? Value, IReadOnlyDictionary<string, object?> ValueInfo, bool Initial, int Revision,
        string? ErrorMessage);

    public sealed record UserOperationLogEntryDto(
        string Id, string? DeploymentId, string? ProcessDefinitionId, string? ProcessDefinitionKey, string? ProcessInstanceId, string? ExecutionId,
        string? CaseDefinitionId, string? CaseInstanceId, string? CaseExecutionId, string? TaskId, string? JobId, string? JobDefinitionId,
        string? BatchId, string? UserId, DateTime Timestamp, string OperationId, string? ExternalTaskId, string OperationType, string EntityType,
        string? Property, string? OrgValue, string? NewValue, DateTime? RemovalTime, string? RootProcessInstanceId, string Category,
        string? Annotation);

    /// <summary>Our extension: the result of re-computing one history chain's hashes.</summary>
    public sealed record HistoryVerificationDto(string ChainId, bool Intact, long? BrokenAtSeq, string? Problem, long RowsChecked);

    public static HistoricVariableInstanceDto Variable(
        string id, string name, VariableValueDto value, string? definitionId, string instanceId, string? executionId, string? taskId, DateTime created) =>
        new(id, name, value.Type, value.Value, value.ValueInfo, KeyOf(definitionId), definitionId, instanceId, executionId, null, null, null, null, null,
            taskId, null, null, "CREATED", created, null, instanceId);

    /// <summary>Definition ids are <c>key:version:deployment</c>; BPMN ids cannot contain ':', so the key is the first part.</summary>
    public static string? KeyOf(string? definitionId) => definitionId?.Split(':')[0];
}
