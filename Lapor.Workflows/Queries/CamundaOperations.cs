using Lapor.Workflows.History;
using Lapor.Workflows.Runtime;

namespace Lapor.Workflows.Queries;

/// <summary>
/// The engine's operation names under Camunda's operation and entity types. Camunda logs an unclaim as a Claim whose new
/// value is null and setting an assignee as Assign; a retried incident is Camunda's SetJobRetries on the failed job.
/// Any other operation keeps its name, on the task when it has one, else on the instance.
/// </summary>
public static class CamundaOperations
{
    public const string Create = "Create";
    public const string DeploymentEntity = "Deployment";
    public const string TaskEntity = "Task";
    public const string InstanceEntity = "ProcessInstance";

    private static readonly Dictionary<string, (string OperationType, string EntityType)> Renamed = new(StringComparer.Ordinal)
    {
        ["Unclaim"] = ("Claim", TaskEntity),
        ["SetAssignee"] = ("Assign", TaskEntity),
        ["SetVariables"] = ("ModifyVariable", "Variable"),
        ["RetryIncident"] = ("SetJobRetries", "Job"),
        ["CorrelateMessage"] = ("CorrelateMessage", InstanceEntity),
        // Lapor's own: a designer draft saved (Camunda has no drafts); the row's value is the process key.
        [ProcessDesigns.SaveDraftOperation] = (ProcessDesigns.SaveDraftOperation, "ProcessDefinition"),
    };

    public static (string OperationType, string EntityType) TypeOf(string operation, string? taskId) =>
        Renamed.TryGetValue(operation, out var type) ? type : (operation, taskId is null ? InstanceEntity : TaskEntity);

    /// <summary>Events Camunda would list under <paramref name="operationType"/>.</summary>
    internal static Func<HistoryEventRow, bool> OfOperationType(string operationType)
    {
        var names = Renamed.Where(r => r.Value.OperationType == operationType).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        if (!Renamed.ContainsKey(operationType))
            names.Add(operationType);
        var deployments = operationType == Create;
        return h => (h.Kind == HistoryEventKind.UserOperation && h.Name is not null && names.Contains(h.Name))
                    || (deployments && h.Kind == HistoryEventKind.Deployment);
    }

    /// <summary>Events Camunda would list under <paramref name="entityType"/>.</summary>
    internal static Func<HistoryEventRow, bool> OfEntityType(string entityType)
    {
        var names = Renamed.Where(r => r.Value.EntityType == entityType).Select(r => r.Key).ToHashSet(StringComparer.Ordinal);
        var deployments = entityType == DeploymentEntity;
        var onTask = entityType == TaskEntity;
        var onInstance = entityType == InstanceEntity;
        return h => h.Kind switch
        {
            HistoryEventKind.UserOperation when h.Name is not null && Renamed.ContainsKey(h.Name) => names.Contains(h.Name),
            HistoryEventKind.UserOperation => (onTask && h.TaskId != null) || (onInstance && h.TaskId == null),
            HistoryEventKind.Deployment => deployments,
            _ => false,
        };
    }
}
