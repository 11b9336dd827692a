using System.Text.Json;
using Lapor.Workflows.History;
using Lapor.Workflows.Queries;

namespace Lapor.Workflows.Rest;

/// <summary>Camunda's user-operation log entry; the job, batch and case fields Lapor has no use for are always null.</summary>
internal sealed record UserOperationLogEntryDto
{
    /// <summary>Camunda's categories: work on a task is a task worker's, everything else an operator's.</summary>
    public const string OperatorCategory = "Operator";
    public const string TaskWorkerCategory = "TaskWorker";

    public required string Id { get; init; }
    public string? DeploymentId { get; init; }
    public string? ProcessDefinitionId { get; init; }
    public string? ProcessDefinitionKey { get; init; }
    public string? ProcessInstanceId { get; init; }
    public string? ExecutionId { get; init; }
    public string? CaseDefinitionId { get; init; }
    public string? CaseInstanceId { get; init; }
    public string? CaseExecutionId { get; init; }
    public string? TaskId { get; init; }
    public string? JobId { get; init; }
    public string? JobDefinitionId { get; init; }
    public string? BatchId { get; init; }
    public string? UserId { get; init; }
    public required DateTime Timestamp { get; init; }
    public required string OperationId { get; init; }
    public string? ExternalTaskId { get; init; }
    public required string OperationType { get; init; }
    public required string EntityType { get; init; }
    public string? Property { get; init; }
    public string? OrgValue { get; init; }
    public string? NewValue { get; init; }
    public DateTime? RemovalTime { get; init; }
    public string? RootProcessInstanceId { get; init; }
    public required string Category { get; init; }
    public string? Annotation { get; init; }

    public static UserOperationLogEntryDto Of(HistoricOperation operation)
    {
        var id = operation.Id;
        if (operation.Kind == HistoryEventKind.Deployment)
            return new()
            {
                Id = id, DeploymentId = operation.Value, UserId = operation.Actor, Timestamp = operation.Time, OperationId = id,
                OperationType = operation.OperationType, EntityType = operation.EntityType, Category = OperatorCategory,
            };
        var (property, orgValue, newValue) = Change(operation.Detail);
        return new()
        {
            Id = id, ProcessDefinitionId = operation.DefinitionId, ProcessDefinitionKey = HistoryDtos.KeyOf(operation.DefinitionId),
            ProcessInstanceId = operation.InstanceId, ExecutionId = operation.ExecutionId, TaskId = operation.TaskId, UserId = operation.Actor,
            Timestamp = operation.Time, OperationId = id, OperationType = operation.OperationType, EntityType = operation.EntityType,
            Property = property, OrgValue = orgValue, NewValue = newValue, RootProcessInstanceId = operation.InstanceId,
            Category = operation.EntityType == CamundaOperations.TaskEntity ? TaskWorkerCategory : OperatorCategory,
        };
    }

    /// <summary>
    /// The changed property: the engine records <c>{property, orgValue, newValue}</c> for assignments; for other
    /// operations the detail's one fact (message name, variable names, incident id) is shown as the property set.
    /// </summary>
    private static (string? Property, string? OrgValue, string? NewValue) Change(string? detail)
    {
        if (detail is null)
            return (null, null, null);
        using var json = JsonDocument.Parse(detail);
        var root = json.RootElement;
        if (root.ValueKind != JsonValueKind.Object)
            return (null, null, null);
        if (root.TryGetProperty("property", out var property))
            return (Text(property), root.TryGetProperty("orgValue", out var org) ? Text(org) : null, root.TryGetProperty("newValue", out var @new) ? Text(@new) : null);
        var first = root.EnumerateObject().FirstOrDefault();
        return first.Value.ValueKind == JsonValueKind.Undefined ? (null, null, null) : (first.Name, null, Text(first.Value));
    }

    private static string? Text(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => null,
        JsonValueKind.String => value.GetString(),
        JsonValueKind.Array => string.Join(",", value.EnumerateArray().Select(Text)),
        _ => value.GetRawText(),
    };
}
