namespace Lapor.Host.Api.EngineRest;

/// <summary>The Camunda-7-shaped REST API under /engine-rest (being written).</summary>
public static class EngineRestApi
{
    public const string Policy = "engine-rest";

    public static IEndpointRouteBuilder MapEngineRestApi(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/engine-rest").RequireAuthorization(Policy);
        return app;
    }
}
