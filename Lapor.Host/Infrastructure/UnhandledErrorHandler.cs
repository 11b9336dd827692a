using Lapor.Host.Api.Open311;
using Lapor.Host.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Infrastructure;

/// <summary>
/// The last word on an error nobody handled, in every environment: the log gets the exception with a correlation id,
/// the client gets that id and nothing else — no exception type, message, stack trace or path. API callers get
/// problem details; people get the error page (<c>/Status/500</c>), which shows the same id to quote to support.
/// </summary>
public sealed class UnhandledErrorHandler(IProblemDetailsService problems, IStringLocalizer<PortalText> text, ILogger<UnhandledErrorHandler> log)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        var correlationId = http.TraceIdentifier;
        // By now the middleware has pointed the request at the error page; the path that failed is kept in a feature.
        var path = http.Features.Get<IExceptionHandlerPathFeature>()?.Path ?? http.Request.Path.Value ?? "";
        log.LogError(exception, "Unhandled error {CorrelationId} on {Method} {Path}", correlationId, http.Request.Method, path);
        if (!ApiPaths.Match(new PathString(path)))
            return false; // the middleware re-executes /Status/500 for people
        http.Response.StatusCode = StatusCodes.Status500InternalServerError;
        // The exception has unwound the localisation middleware and its culture with it: set the API's language again.
        using var language = ApiLanguageProvider.Use(http.Request, new PathString(path));
        if (Open311Api.Match(new PathString(path)))
        {
            // Open311 clients read only the GeoReport error list.
            await Open311Reply.Error(Open311StatusPages.FormatOf(new PathString(path)), StatusCodes.Status500InternalServerError,
                text["Api.Open311.ServerError", correlationId]).ExecuteAsync(http);
            return true;
        }
        var problem = new ProblemDetails
        {
            Status = StatusCodes.Status500InternalServerError,
            Title = text["Api.ServerError.Title"],
            Detail = text["Api.ServerError.Detail", correlationId],
        };
        // The service adds the correlation id (Program.cs); a client whose Accept rules out JSON still gets it as JSON.
        if (!await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem }))
        {
            problem.Extensions["correlationId"] = correlationId;
            await http.Response.WriteAsJsonAsync(problem, (System.Text.Json.JsonSerializerOptions?)null, "application/problem+json", ct);
        }
        return true;
    }
}
