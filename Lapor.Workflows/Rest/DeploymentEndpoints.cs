using System.Security.Claims;
using System.Text;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Lapor.Workflows.Rest.DeploymentDtos;
using static Lapor.Workflows.Rest.ProcessDefinitionDtos;

namespace Lapor.Workflows.Rest;

/// <summary><c>/deployment</c>: upload BPMN and DMN files (multipart, as Camunda Modeler does) and list deployments.</summary>
internal static class DeploymentEndpoints
{
    public static void Map(RouteGroupBuilder api)
    {
        api.MapPost("/deployment/create", CreateAsync);
        api.MapGet("/deployment", ListAsync);
        api.MapGet("/deployment/{id}", GetAsync);
    }

    private static async Task<IResult> CreateAsync(HttpRequest request, Deployer deployer, ClaimsPrincipal user, CancellationToken ct)
    {
        if (!request.HasFormContentType)
            throw new WorkflowException("A deployment is uploaded as multipart/form-data with one part per BPMN or DMN file.", "InvalidRequestException");
        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(ct);
        }
        catch (Exception ex) when (ex is InvalidDataException or IOException)
        {
            throw new WorkflowException($"The multipart body cannot be read: {ex.Message}", "InvalidRequestException");
        }
        if (form.Files.Count == 0)
            throw new WorkflowException("No deployment resources contained in the form upload.", "InvalidRequestException");

        var resources = new List<DeploymentResource>();
        foreach (var file in form.Files)
        {
            using var reader = new StreamReader(file.OpenReadStream(), Encoding.UTF8, detectEncodingFromByteOrderMarks: true);
            // Camunda names a resource after the part's file name; a part without one is named after the part.
            resources.Add(new DeploymentResource(string.IsNullOrEmpty(file.FileName) ? file.Name : file.FileName, await reader.ReadToEndAsync(ct)));
        }
        var name = Field(form, "deployment-name") ?? resources[0].Name;
        // Lapor's duplicate filter compares each process with the latest version of its key, which is what
        // deploy-changed-only asks for as well, so either flag turns it on.
        var filtering = Flag(form, "enable-duplicate-filtering") || Flag(form, "deploy-changed-only");
        var result = await deployer.DeployAsync(
            new DeploymentRequest(name, resources, filtering, Field(form, "deployment-source")), EngineRestApi.Actor(user), ct);

        var d = result.Deployment;
        var definitions = result.Deployed.Count == 0 ? null : result.Deployed.ToDictionary(p => p.Id, ProcessDefinitionDto.Of);
        var decisions = result.DeployedDecisions.Count == 0 ? null : result.DeployedDecisions.ToDictionary(p => p.Id, DecisionDefinitionDtos.DecisionDefinitionDto.Of);
        return EngineRestJson.Ok(new DeploymentWithDefinitionsDto
        {
            Links = CommonDtos.Self(request, $"deployment/{d.Id}"), Id = d.Id, Name = d.Name, Source = d.Source, DeploymentTime = d.DeployedAt,
            DeployedProcessDefinitions = definitions, DeployedDecisionDefinitions = decisions,
        });
    }

    private static async Task<IResult> ListAsync(HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var query = engine.Db.Set<DeploymentRow>().AsNoTracking();
        if (EngineRestQuery.Text(request, "id") is { } id)
            query = query.Where(d => d.Id == id);
        if (EngineRestQuery.Text(request, "name") is { } name)
            query = query.Where(d => d.Name == name);
        if (EngineRestQuery.Text(request, "source") is { } source)
            query = query.Where(d => d.Source == source);
        var (by, descending) = EngineRestQuery.Sort(request, "deploymentTime", "id", "name", "deploymentTime");
        var ordered = by switch
        {
            "id" => EngineRestQuery.Order(query, d => d.Id, descending),
            "name" => EngineRestQuery.Order(query, d => d.Name, descending),
            _ => EngineRestQuery.Order(query, d => d.DeployedAt, descending),
        };
        var rows = await EngineRestQuery.Page(ordered.ThenBy(d => d.Id), request).ToListAsync(ct);
        return EngineRestJson.Ok(rows.Select(d => DeploymentDto.Of(d, request)));
    }

    private static async Task<IResult> GetAsync(string id, HttpRequest request, WorkflowEngine engine, CancellationToken ct)
    {
        var row = await engine.Db.Set<DeploymentRow>().AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct)
                  ?? throw new WorkflowNotFoundException($"Deployment with id '{id}' does not exist");
        return EngineRestJson.Ok(DeploymentDto.Of(row, request));
    }

    private static string? Field(IFormCollection form, string name) =>
        form.TryGetValue(name, out var value) && !string.IsNullOrWhiteSpace(value.ToString()) ? value.ToString() : null;

    private static bool Flag(IFormCollection form, string name) => Field(form, name) switch
    {
        null => false,
        var t when bool.TryParse(t, out var b) => b,
        var t => throw new WorkflowException($"Form field '{name}' must be true or false, not '{t}'.", "InvalidRequestException"),
    };
}
