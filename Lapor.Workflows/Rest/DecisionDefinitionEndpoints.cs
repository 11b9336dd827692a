using Lapor.Workflows.Decisions;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Lapor.Workflows.Rest.DecisionDefinitionDtos;

namespace Lapor.Workflows.Rest;

/// <summary>
/// <c>/decision-definition</c>: deployed DMN decisions, their XML, and evaluating one with typed variables. As in
/// Camunda, an evaluation that fails (two rules hit a UNIQUE table…) is a 500 "Cannot evaluate decision …"; bad
/// variables are a 400 and an unknown key or id a 404. A standalone evaluation is not written to history (only a
/// business rule task's is, in its case's chain).
/// </summary>
internal static class DecisionDefinitionEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/decision-definition", ListAsync);
        api.MapGet("/decision-definition/count", async (HttpRequest request, WorkflowEngine engine, CancellationToken ct) =>
            EngineRestJson.Ok(new CommonDtos.CountDto(await Filter(request, engine.Db).CountAsync(ct))));
        api.MapGet("/decision-definition/key/{key}", async (string key, DecisionDefinitions decisions, CancellationToken ct) =>
            EngineRestJson.Ok(DecisionDefinitionDto.Of(await LatestAsync(decisions, key, ct))));
        api.MapGet("/decision-definition/key/{key}/xml", async (string key, DecisionDefinitions decisions, CancellationToken ct) =>
            Xml(await LatestAsync(decisions, key, ct)));
        api.MapPost("/decision-definition/key/{key}/evaluate", async (string key, HttpRequest request, DecisionDefinitions decisions, CancellationToken ct) =>
            await EvaluateAsync(await LatestAsync(decisions, key, ct), request, decisions));
        api.MapGet("/decision-definition/{id}", async (string id, DecisionDefinitions decisions, CancellationToken ct) =>
            EngineRestJson.Ok(DecisionDefinitionDto.Of(await ByIdAsync(decisions, id, ct))));
        api.MapGet("/decision-definition/{id}/xml", async (string id, DecisionDefinitions decisions, CancellationToken ct) =>
            Xml(await ByIdAsync(decisions, id, ct)));
        api.MapPost("/decision-definition/{id}/evaluate", async (string id, HttpRequest request, DecisionDefinitions decisions, CancellationToken ct) =>
            await EvaluateAsync(await ByIdAsync(decisions, id, ct), request, decisions));
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
        return EngineRestJson.Ok(rows.Select(DecisionDefinitionDto.Of));
    }

    private static IQueryable<DecisionDefinitionRow> Filter(HttpRequest request, DbContext db)
    {
        var definitions = db.Set<DecisionDefinitionRow>().AsNoTracking();
        var query = definitions;
        if (EngineRestQuery.Text(request, "decisionDefinitionId") is { } id)
            query = query.Where(d => d.Id == id);
        if (EngineRestQuery.List(request, "decisionDefinitionIdIn") is { } ids)
            query = query.Where(d => ids.Contains(d.Id));
        if (EngineRestQuery.Text(request, "key") is { } key)
            query = query.Where(d => d.Key == key);
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

    private static async Task<IResult> EvaluateAsync(DecisionDefinitionRow definition, HttpRequest request, DecisionDefinitions decisions)
    {
        var body = await EngineRestJson.ReadBodyAsync<EvaluateBody>(request);
        var variables = VariablesJson.Read(body?.Variables).ToDictionary(v => v.Key, v => v.Value.Value);
        DecisionEvaluation evaluation;
        try
        {
            evaluation = decisions.Evaluate(definition, variables);
        }
        catch (DecisionException ex)
        {
            return EngineRestErrors.Error(StatusCodes.Status500InternalServerError, "RestException",
                $"Cannot evaluate decision {definition.Id}: {ex.Message}");
        }
        return EngineRestJson.Ok(evaluation.Results.Select(result =>
            result.ToDictionary(e => e.Key, e => VariablesJson.Write(e.Value), StringComparer.Ordinal)));
    }

    private static IResult Xml(DecisionDefinitionRow d) => EngineRestJson.Ok(new DecisionDefinitionXmlDto(d.Id, d.Xml));

    private static async Task<DecisionDefinitionRow> ByIdAsync(DecisionDefinitions decisions, string id, CancellationToken ct) =>
        await decisions.FindAsync(id, ct) ?? throw new WorkflowNotFoundException($"No matching decision definition with id '{id}'");

    private static async Task<DecisionDefinitionRow> LatestAsync(DecisionDefinitions decisions, string key, CancellationToken ct) =>
        await decisions.LatestAsync(key, ct)
        ?? throw new WorkflowNotFoundException($"No matching decision definition with key '{key}' and no tenant-id");
}
