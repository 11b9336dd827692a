using System.Security.Claims;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;

namespace Lapor.Workflows.Rest;

/// <summary>
/// The engine's REST API under <c>/engine-rest</c>, shaped like Camunda 7's (paths, JSON property names, error
/// bodies, date format) so Camunda clients and habits carry over. Every endpoint needs HTTP Basic credentials.
/// Where Lapor differs or extends, the endpoint's comment says so. The engine does not authenticate: the host defines
/// the authorization policy named <see cref="Policy"/> (who may call, by which scheme) and then maps the API.
/// </summary>
public static class EngineRestApi
{
    public const string Policy = "engine-rest";

    public static IEndpointRouteBuilder MapEngineRestApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/engine-rest").RequireAuthorization(Policy).AddEndpointFilter<EngineRestErrors>();
        DeploymentEndpoints.Map(api);
        ProcessDefinitionEndpoints.Map(api);
        DecisionDefinitionEndpoints.Map(api);
        ProcessInstanceEndpoints.Map(api);
        TaskEndpoints.Map(api);
        MessageEndpoints.Map(api);
        HistoryEndpoints.Map(api);
        HistoryTaskEndpoints.Map(api);
        HistoryOperationEndpoints.Map(api);
        IncidentEndpoints.Map(api);
        return app;
    }

    /// <summary>Who is acting, for the history's actor and user-operation log: the authenticated account name.</summary>
    internal static string? Actor(ClaimsPrincipal user) => user.Identity?.Name;
}
