using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Queries;

namespace Lapor.Workflows.Rest;

/// <summary>
/// Camunda's historic shapes, mapped from <see cref="HistoryQuery"/>'s records. Properties are declared in Camunda's
/// order (the JSON follows it); the case, tenant and removal fields Lapor has no use for are always null.
/// </summary>
internal static class HistoryDtos
{
    public const string VariableCreated = "CREATED";

    public sealed record HistoricProcessInstanceDto
    {
        public required string Id { get; init; }
        public string? BusinessKey { get; init; }
        public required string ProcessDefinitionId { get; init; }
        public required string ProcessDefinitionKey { get; init; }
        public string? ProcessDefinitionName { get; init; }
        public int? ProcessDefinitionVersion { get; init; }
        public required DateTime StartTime { get; init; }
        public DateTime? EndTime { get; init; }
        public DateTime? RemovalTime { get; init; }
        public long? DurationInMillis { get; init; }
        public string? StartUserId { get; init; }
        public string? StartActivityId { get; init; }
        public string? DeleteReason { get; init; }
        public required string RootProcessInstanceId { get; init; }
        public string? SuperProcessInstanceId { get; init; }
        public string? SuperCaseInstanceId { get; init; }
        public string? CaseInstanceId { get; init; }
        public string? TenantId { get; init; }
        public required string State { get; init; }

        public static HistoricProcessInstanceDto Of(HistoricProcessInstance i) => new()
        {
            Id = i.Id, BusinessKey = i.BusinessKey, ProcessDefinitionId = i.DefinitionId, ProcessDefinitionKey = i.DefinitionKey,
            ProcessDefinitionName = i.DefinitionName, ProcessDefinitionVersion = i.DefinitionVersion, StartTime = i.StartTime, EndTime = i.EndTime,
            DurationInMillis = i.EndTime is { } end ? (long)(end - i.StartTime).TotalMilliseconds : null, StartUserId = i.StartedBy,
            StartActivityId = i.StartActivityId, RootProcessInstanceId = i.Id, State = i.State,
        };
    }

    public sealed record HistoricActivityInstanceDto
    {
        public required string Id { get; init; }
        public string? ParentActivityInstanceId { get; init; }
        public required string ActivityId { get; init; }
        public string? ActivityName { get; init; }
        public string? ActivityType { get; init; }
        public string? ProcessDefinitionKey { get; init; }
        public string? ProcessDefinitionId { get; init; }
        public required string ProcessInstanceId { get; init; }
        public string? ExecutionId { get; init; }
        public string? TaskId { get; init; }
        public string? CalledProcessInstanceId { get; init; }
        public string? CalledCaseInstanceId { get; init; }
        public string? Assignee { get; init; }
        public required DateTime StartTime { get; init; }
        public DateTime? EndTime { get; init; }
        public long? DurationInMillis { get; init; }
        public bool Canceled { get; init; }
        public bool CompleteScope { get; init; }
        public string? TenantId { get; init; }
        public DateTime? RemovalTime { get; init; }
        public required string RootProcessInstanceId { get; init; }

        public static HistoricActivityInstanceDto Of(HistoricActivity a) => new()
        {
            Id = a.Id, ParentActivityInstanceId = a.ParentActivityInstanceId ?? a.InstanceId, ActivityId = a.ActivityId, ActivityName = a.ActivityName,
            ActivityType = a.ActivityType, ProcessDefinitionKey = KeyOf(a.DefinitionId), ProcessDefinitionId = a.DefinitionId,
            ProcessInstanceId = a.InstanceId, ExecutionId = a.ExecutionId, TaskId = a.TaskId, Assignee = a.Assignee, StartTime = a.StartTime,
            EndTime = a.EndTime, DurationInMillis = a.DurationInMillis, Canceled = a.Canceled, CompleteScope = a.CompleteScope,
            RootProcessInstanceId = a.InstanceId,
        };
    }

    public sealed record HistoricTaskInstanceDto
    {
        public required string Id { get; init; }
        public string? ProcessDefinitionKey { get; init; }
        public string? ProcessDefinitionId { get; init; }
        public required string ProcessInstanceId { get; init; }
        public string? ExecutionId { get; init; }
        public string? CaseDefinitionKey { get; init; }
        public string? CaseDefinitionId { get; init; }
        public string? CaseInstanceId { get; init; }
        public string? CaseExecutionId { get; init; }
        public string? ActivityInstanceId { get; init; }
        public string? Name { get; init; }
        public string? Description { get; init; }
        public string? DeleteReason { get; init; }
        public string? Owner { get; init; }
        public string? Assignee { get; init; }
        public required DateTime StartTime { get; init; }
        public DateTime? EndTime { get; init; }
        public long? Duration { get; init; }
        public required string TaskDefinitionKey { get; init; }
        public int Priority { get; init; }
        public DateTime? Due { get; init; }
        public string? ParentTaskId { get; init; }
        public DateTime? FollowUp { get; init; }
        public string? TenantId { get; init; }
        public DateTime? RemovalTime { get; init; }
        public required string RootProcessInstanceId { get; init; }
        public required string TaskState { get; init; }

        public static HistoricTaskInstanceDto Of(HistoricTask t) => new()
        {
            Id = t.Id, ProcessDefinitionKey = KeyOf(t.DefinitionId), ProcessDefinitionId = t.DefinitionId, ProcessInstanceId = t.InstanceId,
            ExecutionId = t.ExecutionId, ActivityInstanceId = t.ActivityInstanceId, Name = t.Name, Description = t.Description,
            DeleteReason = t.DeleteReason, Owner = t.Owner, Assignee = t.Assignee, StartTime = t.StartTime, EndTime = t.EndTime,
            Duration = t.DurationInMillis, TaskDefinitionKey = t.TaskDefinitionKey, Priority = t.Priority, Due = t.Due, FollowUp = t.FollowUp,
            RootProcessInstanceId = t.InstanceId, TaskState = t.State,
        };
    }

    public sealed record HistoricVariableInstanceDto
    {
        public required string Id { get; init; }
        public required string Name { get; init; }
        public required string Type { get; init; }
        public object? Value { get; init; }
        public required IReadOnlyDictionary<string, object?> ValueInfo { get; init; }
        public string? ProcessDefinitionKey { get; init; }
        public string? ProcessDefinitionId { get; init; }
        public required string ProcessInstanceId { get; init; }
        public string? ExecutionId { get; init; }
        public string? ActivityInstanceId { get; init; }
        public string? CaseDefinitionKey { get; init; }
        public string? CaseDefinitionId { get; init; }
        public string? CaseInstanceId { get; init; }
        public string? CaseExecutionId { get; init; }
        public string? TaskId { get; init; }
        public string? ErrorMessage { get; init; }
        public string? TenantId { get; init; }
        public required string State { get; init; }
        public required DateTime CreateTime { get; init; }
        public DateTime? RemovalTime { get; init; }
        public required string RootProcessInstanceId { get; init; }

        public static HistoricVariableInstanceDto Of(HistoricVariable v)
        {
            var value = VariablesJson.Write(v.Type, v.StoredValue);
            return new()
            {
                Id = v.Id, Name = v.Name, Type = value.Type, Value = value.Value, ValueInfo = value.ValueInfo, ProcessDefinitionKey = KeyOf(v.DefinitionId),
                ProcessDefinitionId = v.DefinitionId, ProcessInstanceId = v.InstanceId, ExecutionId = v.ExecutionId, TaskId = v.TaskId,
                State = VariableCreated, CreateTime = v.CreateTime, RootProcessInstanceId = v.InstanceId,
            };
        }
    }

    /// <summary>A <c>variableUpdate</c> entry of <c>/history/detail</c>: one per time a variable was set.</summary>
    public sealed record HistoricVariableUpdateDto
    {
        public string Type => "variableUpdate";
        public required string Id { get; init; }
        public string? ProcessDefinitionKey { get; init; }
        public string? ProcessDefinitionId { get; init; }
        public required string ProcessInstanceId { get; init; }
        public string? ActivityInstanceId { get; init; }
        public string? ExecutionId { get; init; }
        public string? CaseDefinitionKey { get; init; }
        public string? CaseDefinitionId { get; init; }
        public string? CaseInstanceId { get; init; }
        public string? CaseExecutionId { get; init; }
        public string? TaskId { get; init; }
        public string? TenantId { get; init; }
        public string? UserOperationId { get; init; }
        public required DateTime Time { get; init; }
        public DateTime? RemovalTime { get; init; }
        public required string RootProcessInstanceId { get; init; }
        public required string VariableName { get; init; }
        public required string VariableInstanceId { get; init; }
        public required string VariableType { get; init; }
        public object? Value { get; init; }
        public required IReadOnlyDictionary<string, object?> ValueInfo { get; init; }
        public bool Initial { get; init; }
        public int Revision { get; init; }
        public string? ErrorMessage { get; init; }

        public static HistoricVariableUpdateDto Of(HistoricVariableUpdate u)
        {
            var value = VariablesJson.Write(u.Type, u.StoredValue);
            return new()
            {
                Id = u.Id, ProcessDefinitionKey = KeyOf(u.DefinitionId), ProcessDefinitionId = u.DefinitionId, ProcessInstanceId = u.InstanceId,
                ActivityInstanceId = u.ActivityInstanceId, ExecutionId = u.ExecutionId, TaskId = u.TaskId, Time = u.Time,
                RootProcessInstanceId = u.InstanceId, VariableName = u.Name, VariableInstanceId = u.VariableInstanceId, VariableType = value.Type,
                Value = value.Value, ValueInfo = value.ValueInfo, Initial = u.Initial, Revision = u.Revision,
            };
        }
    }

    /// <summary>Our extension: the result of re-computing one history chain's hashes.</summary>
    public sealed record HistoryVerificationDto
    {
        public required string ChainId { get; init; }
        public required bool Intact { get; init; }
        public long? BrokenAtSeq { get; init; }
        public string? Problem { get; init; }
        public required long RowsChecked { get; init; }

        public static HistoryVerificationDto Of(ChainVerification v) => new()
        {
            ChainId = v.ChainId, Intact = v.Intact, BrokenAtSeq = v.BrokenAtSeq, Problem = v.Problem, RowsChecked = v.RowsChecked,
        };
    }

    /// <summary>Definition ids are <c>key:version:deployment</c>; BPMN ids cannot contain ':', so the key is the first part.</summary>
    public static string? KeyOf(string? definitionId) => definitionId?.Split(':')[0];
}
