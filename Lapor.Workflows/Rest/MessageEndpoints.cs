using System.Security.Claims;
using Lapor.Workflows.Errors;
using Lapor.Workflows.Persistence;
using Lapor.Workflows.Runtime;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using static Lapor.Workflows.Rest.MessageDtos;
using static Lapor.Workflows.Rest.ProcessInstanceDtos;

namespace Lapor.Workflows.Rest;

/// <summary><c>POST /message</c>: correlates a message to waiting executions, or starts an instance at a message start event.</summary>
internal static class MessageEndpoints
{
    public static void Map(RouteGroupBuilder api) => api.MapPost("/message", CorrelateAsync);

    private static async Task<IResult> CorrelateAsync(HttpRequest request, WorkflowEngine engine, ClaimsPrincipal user, CancellationToken ct)
    {
        var body = await EngineRestJson.ReadBodyAsync<CorrelationBody>(request)
                   ?? throw new WorkflowException("A message correlation needs a body with at least messageName.", "InvalidRequestException");
        // Lapor has no execution-local variables; silently treating these as process-wide would change their meaning.
        if (body.LocalCorrelationKeys is { Count: > 0 } || body.ProcessVariablesLocal is { Count: > 0 })
            throw new WorkflowException("localCorrelationKeys and processVariablesLocal are not supported: Lapor keeps variables per process instance.", "InvalidRequestException");
        if (body.TenantId is not null)
            throw new WorkflowException("Lapor has no tenants; leave tenantId out.", "InvalidRequestException");

        var results = await engine.CorrelateAsync(new MessageCorrelation(
            body.MessageName ?? "", body.BusinessKey, body.ProcessInstanceId,
            VariablesJson.Read(body.CorrelationKeys), VariablesJson.Read(body.ProcessVariables), body.All), EngineRestApi.Actor(user), ct);
        if (!body.ResultEnabled)
            return Results.NoContent();

        var instanceIds = results.Select(r => r.ProcessInstanceId).Distinct().ToList();
        var instances = await engine.Db.Set<ProcessInstanceRow>().AsNoTracking().Where(i => instanceIds.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var executionIds = results.Where(r => r.ExecutionId is not null).Select(r => r.ExecutionId!).ToList();
        var liveExecutions = (await engine.Db.Set<ExecutionRow>().AsNoTracking().Where(e => executionIds.Contains(e.Id)).Select(e => e.Id).ToListAsync(ct)).ToHashSet();

        var dtos = new List<CorrelationResultDto>();
        foreach (var result in results)
        {
            var variables = body.VariablesInResultEnabled ? await VariablesJson.OfInstanceAsync(engine.Db, result.ProcessInstanceId, ct) : null;
            dtos.Add(result.ResultType == CorrelationResultType.Execution
                ? new CorrelationResultDto
                {
                    ResultType = CorrelationResultDto.ToExecution, Variables = variables,
                    Execution = new ExecutionDto
                    {
                        Id = result.ExecutionId!, ProcessInstanceId = result.ProcessInstanceId, Ended = !liveExecutions.Contains(result.ExecutionId!),
                    },
                }
                : new CorrelationResultDto
                {
                    ResultType = CorrelationResultDto.ToNewInstance, Variables = variables,
                    ProcessInstance = ProcessInstanceDto.Of(instances[result.ProcessInstanceId], request),
                });
        }
        return EngineRestJson.Ok(dtos);
    }
}
