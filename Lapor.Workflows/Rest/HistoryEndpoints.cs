using System.Globalization;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.History;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Lapor.Workflows.Rest.HistoryDtos;

namespace Lapor.Workflows.Rest;

/// <summary>
/// <c>/history/process-instance</c>, <c>/history/variable-instance</c>, <c>/history/detail</c> and Lapor's
/// <c>/history/verify</c> extension, which re-computes an instance's hash chain to show its history was not edited.
/// </summary>
internal static class HistoryEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/history/process-instance", ListInstancesAsync);
        api.MapGet("/history/process-instance/count", async (HttpRequest request, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(new CommonDtos.CountDto(await FilterInstances(request, engine.Db).CountAsync(ct))));
        api.MapGet("/history/process-instance/{id}", GetInstanceAsync);
        api.MapGet("/history/variable-instance", VariableInstancesAsync);
        api.MapGet("/history/detail", DetailsAsync);
        api.MapGet("/history/verify", VerifyAsync);
    }

    private static async Task<IResult> GetInstanceAsync(string id, WorkflowEngine engine, CancellationToken ct)
    {
        var instance = await engine.Db.Set<ProcessInstanceRow>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
                       ?? throw new WorkflowNotFoundException($"Historic process instance with id '{id}' does not exist");
        var definition = await engine.Db.Set<ProcessDefinitionRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == instance.DefinitionId, ct);
        return EngineRestJson.Ok(ToDto(instance, definition));
    }

    private static async Task<IResult> ListInstancesAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var (by, descending) = EngineRestQuery.Sort(request, "startTime",
            "instanceId", "definitionId", "definitionKey", "businessKey", "startTime", "endTime");
        var query = FilterInstances(request, engine.Db);
        var ordered = by switch
        {
            "instanceId" => EngineRestQuery.Order(query, i => i.Id, descending),
            "definitionId" => EngineRestQuery.Order(query, i => i.DefinitionId, descending),
            "definitionKey" => EngineRestQuery.Order(query, i => i.DefinitionKey, descending),
            "businessKey" => EngineRestQuery.Order(query, i => i.BusinessKey, descending),
            "endTime" => EngineRestQuery.Order(query, i => i.EndedAt, descending),
            _ => EngineRestQuery.Order(query, i => i.StartedAt, descending),
        };
        var rows = await EngineRestQuery.Page(ordered.ThenBy(i => i.Id), request).ToListAsync(ct);
        var definitionIds = rows.Select(r => r.DefinitionId).Distinct().ToList();
        var definitions = await engine.Db.Set<ProcessDefinitionRow>().AsNoTracking().Where(d => definitionIds.Contains(d.Id)).ToDictionaryAsync(d => d.Id, ct);
        return EngineRestJson.Ok(rows.Select(i => ToDto(i, definitions.GetValueOrDefault(i.DefinitionId))));
    }

    private static IQueryable<ProcessInstanceRow> FilterInstances(HttpRequest request, DbContext db)
    {
        var query = db.Set<ProcessInstanceRow>().AsNoTracking();
        if (EngineRestQuery.Text(request, "processInstanceId") is { } id)
            query = query.Where(i => i.Id == id);
        if (EngineRestQuery.Text(request, "processInstanceBusinessKey") is { } businessKey)
            query = query.Where(i => i.BusinessKey == businessKey);
        if (EngineRestQuery.Text(request, "processDefinitionKey") is { } key)
            query = query.Where(i => i.DefinitionKey == key);
        if (EngineRestQuery.Text(request, "processDefinitionId") is { } definitionId)
            query = query.Where(i => i.DefinitionId == definitionId);
        if (EngineRestQuery.Text(request, "startedBy") is { } startedBy)
            query = query.Where(i => i.StartedBy == startedBy);
        if (EngineRestQuery.Flag(request, "finished"))
            query = query.Where(i => i.Status != InstanceStatus.Active);
        if (EngineRestQuery.Flag(request, "unfinished"))
            query = query.Where(i => i.Status == InstanceStatus.Active);
        if (EngineRestQuery.Date(request, "startedBefore") is { } startedBefore)
            query = query.Where(i => i.StartedAt < startedBefore);
        if (EngineRestQuery.Date(request, "startedAfter") is { } startedAfter)
            query = query.Where(i => i.StartedAt > startedAfter);
        return query;
    }

    private static HistoricProcessInstanceDto ToDto(ProcessInstanceRow i, ProcessDefinitionRow? d) => new(
        i.Id, i.BusinessKey, i.DefinitionId, i.DefinitionKey, d?.Name, d?.Version, i.StartedAt, i.EndedAt, null,
        i.EndedAt is { } end ? (long)(end - i.StartedAt).TotalMilliseconds : null, i.StartedBy, i.StartActivityId, null, i.Id, null, null, null, null,
        i.Status switch
        {
            InstanceStatus.Active => "ACTIVE",
            InstanceStatus.Completed => "COMPLETED",
            InstanceStatus.InternallyTerminated => "INTERNALLY_TERMINATED",
            _ => "EXTERNALLY_TERMINATED",
        });

    /// <summary>
    /// The latest value of each variable. Its id is the id of the history row that first set it, so every update in
    /// <c>/history/detail</c> can point at it.
    /// </summary>
    private static async Task<IResult> VariableInstancesAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var (by, descending) = EngineRestQuery.Sort(request, "variableName", "variableName", "instanceId");
        var rows = await VariableRows(request, engine.Db).ToListAsync(ct);
        var instances = rows.GroupBy(r => (r.InstanceId, r.Name)).Select(g =>
        {
            var first = g.First();
            var last = g.Last();
            return Variable(first.Id.ToString(CultureInfo.InvariantCulture), last.Name!, VariablesJson.Write(last.ValueType ?? "Null", last.Value),
                last.DefinitionId, last.InstanceId!, last.ExecutionId, last.TaskId, first.Time);
        });
        var ordered = by == "instanceId"
            ? EngineRestQuery.Order(instances, v => v.ProcessInstanceId, descending).ThenBy(v => v.Name, StringComparer.Ordinal)
            : EngineRestQuery.Order(instances, v => v.Name, descending).ThenBy(v => v.ProcessInstanceId, StringComparer.Ordinal);
        return EngineRestJson.Ok(EngineRestQuery.Page(ordered, request).ToList());
    }

    /// <summary>Every variable update in the order it happened (Camunda's <c>variableUpdate</c> details).</summary>
    private static async Task<IResult> DetailsAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var rows = await VariableRows(request, engine.Db).ToListAsync(ct);
        var firstIds = new Dictionary<(string?, string?), long>();
        var revisions = new Dictionary<(string?, string?), int>();
        var details = new List<HistoricVariableUpdateDto>();
        foreach (var row in rows)
        {
            var key = (row.InstanceId, row.Name);
            var initial = firstIds.TryAdd(key, row.Id);
            revisions[key] = initial ? 0 : revisions[key] + 1;
            var value = VariablesJson.Write(row.ValueType ?? "Null", row.Value);
            details.Add(new HistoricVariableUpdateDto(
                "variableUpdate", row.Id.ToString(CultureInfo.InvariantCulture), KeyOf(row.DefinitionId), row.DefinitionId,
                row.InstanceId!, row.ActivityInstanceId, row.ExecutionId, null, null, null, null, row.TaskId, null, null, row.Time, null, row.InstanceId!,
                row.Name!, firstIds[key].ToString(CultureInfo.InvariantCulture), value.Type, value.Value, value.ValueInfo,
                initial, revisions[key], null));
        }
        var descending = EngineRestQuery.Sort(request, "time", "time").Descending;
        IEnumerable<HistoricVariableUpdateDto> ordered = descending ? Enumerable.Reverse(details) : details;
        return EngineRestJson.Ok(EngineRestQuery.Page(ordered, request).ToList());
    }

    private static IQueryable<HistoryEventRow> VariableRows(HttpRequest request, DbContext db)
    {
        var query = db.Set<HistoryEventRow>().AsNoTracking().Where(h => h.Kind == HistoryEventKind.VariableSet);
        if (EngineRestQuery.Text(request, "processInstanceId") is { } instanceId)
            query = query.OfInstance(instanceId);
        if (EngineRestQuery.Text(request, "processDefinitionId") is { } definitionId)
            query = query.Where(h => h.DefinitionId == definitionId);
        if (EngineRestQuery.Text(request, "variableName") is { } name)
            query = query.Where(h => h.Name == name);
        if (EngineRestQuery.Text(request, "taskId") is { } taskId)
            query = query.Where(h => h.TaskId == taskId);
        return query.OrderBy(h => h.Id);
    }

    /// <summary>
    /// Lapor's extension: checks one hash chain (a process instance's, or <c>chainId=engine</c> for deployments).
    /// Without either parameter every chain is checked and the broken ones are listed.
    /// </summary>
    private static async Task<IResult> VerifyAsync(HttpRequest request, HistoryVerifier verifier, CancellationToken ct)
    {
        var chain = EngineRestQuery.Text(request, "processInstanceId") ?? EngineRestQuery.Text(request, "chainId");
        if (chain is not null)
        {
            var result = await verifier.VerifyAsync(chain, ct);
            if (result is { Intact: false, RowsChecked: 0, BrokenAtSeq: null })
                throw new WorkflowNotFoundException($"No history exists for '{chain}'.");
            return EngineRestJson.Ok(new HistoryVerificationDto(result.ChainId, result.Intact, result.BrokenAtSeq, result.Problem, result.RowsChecked));
        }
        var broken = await verifier.VerifyAllAsync(ct);
        return EngineRestJson.Ok(new
        {
            intact = broken.Count == 0,
            brokenChains = broken.Select(b => new HistoryVerificationDto(b.ChainId, b.Intact, b.BrokenAtSeq, b.Problem, b.RowsChecked)),
        });
    }
}
