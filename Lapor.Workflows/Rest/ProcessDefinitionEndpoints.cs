using System.Security.Claims;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Lapor.Workflows.Rest.ProcessDefinitionDtos;
using static Lapor.Workflows.Rest.ProcessInstanceDtos;

namespace Lapor.Workflows.Rest;

/// <summary><c>/process-definition</c>: deployed versions, their XML, and starting instances.</summary>
internal static class ProcessDefinitionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/process-definition", ListAsync);
        api.MapGet("/process-definition/count", CountAsync);
        api.MapGet("/process-definition/key/{key}", async (string key, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(ProcessDefinitionDto.Of(await LatestAsync(engine, key, ct))));
        api.MapGet("/process-definition/key/{key}/xml", async (string key, WorkflowEngine engine, CancellationToken ct) =>
            Xml(await LatestAsync(engine, key, ct)));
        api.MapPost("/process-definition/key/{key}/start", (string key, HttpRequest request, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
            StartAsync(new StartRequest(key), request, engine, user, ct));
        api.MapGet("/process-definition/{id}", async (string id, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(ProcessDefinitionDto.Of(await ByIdAsync(engine, id, ct))));
        api.MapGet("/process-definition/{id}/xml", async (string id, WorkflowEngine engine, CancellationToken ct) =>
            Xml(await ByIdAsync(engine, id, ct)));
        api.MapPost("/process-definition/{id}/start", (string id, HttpRequest request, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
            StartAsync(new StartRequest(null) { DefinitionId = id }, request, engine, user, ct));
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var (by, descending) = EngineRestQuery.Sort(request, "key", "id", "key", "name", "version", "deploymentId");
        var query = Filter(request, engine.Db);
        var ordered = by switch
        {
            "id" => EngineRestQuery.Order(query, d => d.Id, descending),
            "name" => EngineRestQuery.Order(query, d => d.Name, descending),
            "version" => EngineRestQuery.Order(query, d => d.Version, descending),
            "deploymentId" => EngineRestQuery.Order(query, d => d.DeploymentId, descending),
            _ => EngineRestQuery.Order(query, d => d.Key, descending),
        };
        var rows = await EngineRestQuery.Page(ordered.ThenBy(d => d.Version).ThenBy(d => d.Id), request).ToListAsync(ct);
        return EngineRestJson.Ok(rows.Select(ProcessDefinitionDto.Of));
    }

    private static async Task<IResult> CountAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct) =>
        EngineRestJson.Ok(new CommonDtos.CountDto(await Filter(request, engine.Db).CountAsync(ct)));

    private static IQueryable<ProcessDefinitionRow> Filter(HttpRequest request, DbContext db)
    {
        var definitions = db.Set<ProcessDefinitionRow>().AsNoTracking();
        var query = definitions;
        if (EngineRestQuery.Text(request, "processDefinitionId") is { } id)
            query = query.Where(d => d.Id == id);
        if (EngineRestQuery.Text(request, "key") is { } key)
            query = query.Where(d => d.Key == key);
        if (EngineRestQuery.List(request, "keysIn") is { } keys)
            query = query.Where(d => keys.Contains(d.Key));
        if (EngineRestQuery.Text(request, "name") is { } name)
            query = query.Where(d => d.Name == name);
        if (EngineRestQuery.Text(request, "deploymentId") is { } deploymentId)
            query = query.Where(d => d.DeploymentId == deploymentId);
        if (EngineRestQuery.Text(request, "resourceName") is { } resource)
            query = query.Where(d => d.ResourceName == resource);
        if (EngineRestQuery.Int(request, "version") is { } version)
            query = query.Where(d => d.Version == version);
        if (EngineRestQuery.Flag(request, "latestVersion"))
            query = query.Where(d => d.Version == definitions.Where(x => x.Key == d.Key).Max(x => x.Version));
        return query;
    }

    private static async Task<IResult> StartAsync(StartRequest target, HttpRequest request, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await EngineRestJson.ReadBodyAsync<StartBody>(request);
        var instance = await engine.StartAsync(
            target with { BusinessKey = body?.BusinessKey, Variables = VariablesJson.Read(body?.Variables) }, EngineRestApi.Actor(user), ct);
        var variables = body?.WithVariablesInReturn == true ? await VariablesJson.OfInstanceAsync(engine.Db, instance.Id, ct) : null;
        return EngineRestJson.Ok(ProcessInstanceDto.Of(instance, request, variables));
    }

    private static IResult Xml(ProcessDefinitionRow d) => EngineRestJson.Ok(new ProcessDefinitionXmlDto(d.Id, d.Xml));

    private static async Task<ProcessDefinitionRow> ByIdAsync(WorkflowEngine engine, string id, CancellationToken ct) =>
        await engine.Db.Set<ProcessDefinitionRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct)
        ?? throw new WorkflowNotFoundException($"No matching definition with id '{id}'");

    private static async Task<ProcessDefinitionRow> LatestAsync(WorkflowEngine engine, string key, CancellationToken ct) =>
        await engine.Db.Set<ProcessDefinitionRow>().AsNoTracking().Where(d => d.Key == key).OrderByDescending(d => d.Version).FirstOrDefaultAsync(ct)
        ?? throw new WorkflowNotFoundException($"No matching process definition with key '{key}' and no tenant-id");
}
