using System.Security.Claims;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Execution;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Lapor.Workflows.Rest.ProcessInstanceDtos;

namespace Lapor.Workflows.Rest;

/// <summary>
/// <c>/process-instance</c>: running instances only, as in Camunda, so an ended instance is a 404 here and is
/// found under <c>/history/process-instance</c>.
/// </summary>
internal static class ProcessInstanceEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/process-instance", ListAsync);
        api.MapGet("/process-instance/count", async (HttpRequest request, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(new CommonDtos.CountDto(await Filter(request, engine.Db).CountAsync(ct))));
        api.MapGet("/process-instance/{id}", async (string id, HttpRequest request, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(ProcessInstanceDto.Of(await RunningAsync(engine.Db, id, ct), request)));
        api.MapGet("/process-instance/{id}/variables", async (string id, WorkflowEngine engine, CancellationToken ct) =>
        {
            await RunningAsync(engine.Db, id, ct);
            return EngineRestJson.Ok(await VariablesJson.OfInstanceAsync(engine.Db, id, ct));
        });
        api.MapGet("/process-instance/{id}/variables/{name}", GetVariableAsync);
        api.MapPost("/process-instance/{id}/variables", ModifyVariablesAsync);
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var (by, descending) = EngineRestQuery.Sort(request, "instanceId", "instanceId", "definitionKey", "definitionId", "businessKey");
        var query = Filter(request, engine.Db);
        var ordered = by switch
        {
            "definitionKey" => EngineRestQuery.Order(query, i => i.DefinitionKey, descending),
            "definitionId" => EngineRestQuery.Order(query, i => i.DefinitionId, descending),
            "businessKey" => EngineRestQuery.Order(query, i => i.BusinessKey, descending),
            _ => EngineRestQuery.Order(query, i => i.Id, descending),
        };
        var rows = await EngineRestQuery.Page(ordered.ThenBy(i => i.Id), request).ToListAsync(ct);
        return EngineRestJson.Ok(rows.Select(i => ProcessInstanceDto.Of(i, request)));
    }

    private static IQueryable<ProcessInstanceRow> Filter(HttpRequest request, DbContext db)
    {
        var query = db.Set<ProcessInstanceRow>().AsNoTracking().Where(i => i.Status == InstanceStatus.Active);
        if (EngineRestQuery.List(request, "processInstanceIds") is { } ids)
            query = query.Where(i => ids.Contains(i.Id));
        if (EngineRestQuery.Text(request, "businessKey") is { } businessKey)
            query = query.Where(i => i.BusinessKey == businessKey);
        if (EngineRestQuery.Text(request, "processDefinitionKey") is { } key)
            query = query.Where(i => i.DefinitionKey == key);
        if (EngineRestQuery.Text(request, "processDefinitionId") is { } definitionId)
            query = query.Where(i => i.DefinitionId == definitionId);
        return query;
    }

    private static async Task<IResult> GetVariableAsync(string id, string name, WorkflowEngine engine, CancellationToken ct)
    {
        await RunningAsync(engine.Db, id, ct);
        var row = await engine.Db.Set<VariableRow>().AsNoTracking().FirstOrDefaultAsync(v => v.InstanceId == id && v.Name == name, ct)
                  ?? throw new WorkflowNotFoundException($"process instance variable with name '{name}' does not exist");
        return EngineRestJson.Ok(VariablesJson.Write(row.Type, row.Value));
    }

    private static async Task<IResult> ModifyVariablesAsync(string id, HttpRequest request, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await EngineRestJson.ReadBodyAsync<VariablesModificationBody>(request);
        if (body?.Deletions is { Count: > 0 })
            throw new WorkflowException("Deleting process variables is not supported by the Lapor engine; set the variable to null instead.", "InvalidRequestException");
        var modifications = VariablesJson.Read(body?.Modifications);
        await RunningAsync(engine.Db, id, ct);
        if (modifications.Count > 0)
            await engine.SetVariablesAsync(id, modifications, EngineRestApi.Actor(user), ct);
        return Results.NoContent();
    }

    private static async Task<ProcessInstanceRow> RunningAsync(DbContext db, string id, CancellationToken ct) =>
        await db.Set<ProcessInstanceRow>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id && i.Status == InstanceStatus.Active, ct)
        ?? throw new WorkflowNotFoundException($"Process instance with id '{id}' does not exist");
}
