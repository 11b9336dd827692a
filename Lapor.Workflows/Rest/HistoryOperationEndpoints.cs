using System.Globalization;
using System.Text.Json;
using Lapor.Workflows.History;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Lapor.Workflows.Rest.HistoryDtos;

namespace Lapor.Workflows.Rest;

/// <summary>
/// <c>/history/user-operation</c>: who did what, from the history's UserOperation and Deployment rows. The engine's
/// operation names are reported under Camunda's operation types (see <see cref="CamundaType"/>), so Camunda tools
/// and filters read them as they would Camunda's own.
/// </summary>
internal static class HistoryOperationEndpoints
{
    public static void Map(RouteGroupBuilder api) => api.MapGet("/history/user-operation", ListAsync);

    private static async Task<IResult> ListAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var (_, descending) = EngineRestQuery.Sort(request, "timestamp", "timestamp");
        var instanceId = EngineRestQuery.Text(request, "processInstanceId");
        var taskId = EngineRestQuery.Text(request, "taskId");
        var query = engine.Db.Set<HistoryEventRow>().AsNoTracking()
            .Where(h => h.Kind == HistoryEventKind.UserOperation || h.Kind == HistoryEventKind.Deployment);
        if (instanceId is not null)
            query = query.OfInstance(instanceId);
        if (taskId is not null)
            query = query.Where(h => h.TaskId == taskId);
        if (EngineRestQuery.Text(request, "processDefinitionId") is { } definitionId)
            query = query.Where(h => h.DefinitionId == definitionId);
        if (EngineRestQuery.Text(request, "userId") is { } userId)
            query = query.Where(h => h.Actor == userId);
        if (EngineRestQuery.Date(request, "afterTimestamp") is { } after)
            query = query.Where(h => h.Time > after);
        if (EngineRestQuery.Date(request, "beforeTimestamp") is { } before)
            query = query.Where(h => h.Time < before);
        var rows = await query.OrderBy(h => h.Time).ThenBy(h => h.Id).ToListAsync(ct);

        IEnumerable<UserOperationLogEntryDto> entries = rows.Select(ToDto);
        if (EngineRestQuery.Text(request, "operationType") is { } operationType)
            entries = entries.Where(e => e.OperationType == operationType);
        if (EngineRestQuery.Text(request, "entityType") is { } entityType)
            entries = entries.Where(e => e.EntityType == entityType);
        if (EngineRestQuery.Text(request, "deploymentId") is { } deploymentId)
            entries = entries.Where(e => e.DeploymentId == deploymentId);
        if (descending)
            entries = entries.Reverse();
        return EngineRestJson.Ok(EngineRestQuery.Page(entries, request).ToList());
    }

    private static UserOperationLogEntryDto ToDto(HistoryEventRow row)
    {
        var id = row.Id.ToString(CultureInfo.InvariantCulture);
        if (row.Kind == HistoryEventKind.Deployment)
            return new UserOperationLogEntryDto(id, row.Value, null, null, null, null, null, null, null, null, null, null, null, row.Actor, row.Time, id,
                null, "Create", "Deployment", null, null, null, null, null, "Operator", null);

        var (type, entity) = CamundaType(row.Name ?? "", row.TaskId);
        var (property, orgValue, newValue) = Change(row.Detail);
        return new UserOperationLogEntryDto(id, null, row.DefinitionId, KeyOf(row.DefinitionId), row.InstanceId, row.ExecutionId, null, null, null,
            row.TaskId, null, null, null, row.Actor, row.Time, id, null, type, entity, property, orgValue, newValue, null, row.InstanceId,
            entity == "Task" ? "TaskWorker" : "Operator", null);
    }

    /// <summary>
    /// Engine operation → Camunda operation type and entity type. Camunda logs an unclaim as a Claim whose new value is
    /// null and setting an assignee as Assign; a retried incident is Camunda's SetJobRetries on the failed job.
    /// </summary>
    internal static (string OperationType, string EntityType) CamundaType(string operation, string? taskId) => operation switch
    {
        "Unclaim" => ("Claim", "Task"),
        "SetAssignee" => ("Assign", "Task"),
        "SetVariables" => ("ModifyVariable", "Variable"),
        "RetryIncident" => ("SetJobRetries", "Job"),
        "CorrelateMessage" => ("CorrelateMessage", "ProcessInstance"),
        // Lapor's own: a designer draft saved (Camunda has no drafts); the row's value is the process key.
        Lapor.Workflows.Runtime.ProcessDesigns.SaveDraftOperation => (operation, "ProcessDefinition"),
        _ => (operation, taskId is null ? "ProcessInstance" : "Task"),
    };

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
