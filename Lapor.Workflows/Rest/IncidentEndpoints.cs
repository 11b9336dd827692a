using System.Security.Claims;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Lapor.Workflows.Rest.IncidentDtos;

namespace Lapor.Workflows.Rest;

/// <summary>
/// <c>/incident</c>: service tasks whose attempts are used up. <c>POST /incident/{id}/retry</c> is Lapor's extension
/// (Camunda retries through the failed job's retries, which Lapor does not expose): it gives the task one more attempt
/// and answers 204; the incident disappears if the attempt succeeds, or comes back if it fails again.
/// </summary>
internal static class IncidentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/incident", ListAsync);
        api.MapGet("/incident/count", async (HttpRequest request, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(new CommonDtos.CountDto(await Filter(request, engine.Db).CountAsync(ct))));
        api.MapGet("/incident/{id}", async (string id, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(IncidentDto.Of(
                await engine.Db.Set<IncidentRow>().AsNoTracking().FirstOrDefaultAsync(i => i.Id == id, ct)
                ?? throw new WorkflowNotFoundException($"Incident with id '{id}' does not exist"))));
        api.MapPost("/incident/{id}/retry", async (string id, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct) =>
        {
            await engine.RetryIncidentAsync(id, EngineRestApi.Actor(user), ct);
            return Results.NoContent();
        });
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var (by, descending) = EngineRestQuery.Sort(request, "incidentTimestamp",
            "incidentId", "incidentTimestamp", "incidentType", "activityId", "processInstanceId", "processDefinitionId");
        var query = Filter(request, engine.Db);
        var ordered = by switch
        {
            "incidentId" => EngineRestQuery.Order(query, i => i.Id, descending),
            "incidentType" => EngineRestQuery.Order(query, i => i.Type, descending),
            "activityId" => EngineRestQuery.Order(query, i => i.ActivityId, descending),
            "processInstanceId" => EngineRestQuery.Order(query, i => i.InstanceId, descending),
            "processDefinitionId" => EngineRestQuery.Order(query, i => i.DefinitionId, descending),
            _ => EngineRestQuery.Order(query, i => i.CreatedAt, descending),
        };
        var rows = await EngineRestQuery.Page(ordered.ThenBy(i => i.Id), request).ToListAsync(ct);
        return EngineRestJson.Ok(rows.Select(IncidentDto.Of));
    }

    private static IQueryable<IncidentRow> Filter(HttpRequest request, DbContext db)
    {
        var query = db.Set<IncidentRow>().AsNoTracking();
        if (EngineRestQuery.Text(request, "incidentId") is { } id)
            query = query.Where(i => i.Id == id);
        if (EngineRestQuery.Text(request, "incidentType") is { } type)
            query = query.Where(i => i.Type == type);
        if (EngineRestQuery.Text(request, "processInstanceId") is { } instanceId)
            query = query.Where(i => i.InstanceId == instanceId);
        if (EngineRestQuery.Text(request, "processDefinitionId") is { } definitionId)
            query = query.Where(i => i.DefinitionId == definitionId);
        if (EngineRestQuery.Text(request, "activityId") is { } activityId)
            query = query.Where(i => i.ActivityId == activityId);
        if (EngineRestQuery.Text(request, "executionId") is { } executionId)
            query = query.Where(i => i.ExecutionId == executionId);
        return query;
    }
}
