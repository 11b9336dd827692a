using Lapor.Workflows.Errors;
using Lapor.Workflows.Parsing;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace Lapor.Workflows.Rest;

/// <summary>
/// Turns exceptions into Camunda's error body <c>{"type", "message"}</c>: the engine's own exceptions keep their
/// <see cref="WorkflowException.Type"/> and map to 400/404/409; a refused BPMN file is a 400 ParseException listing
/// every problem; anything else is a logged 500 whose message carries no stack trace.
/// </summary>
internal sealed class EngineRestErrors(ILogger<EngineRestErrors> log) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        try
        {
            return await next(context);
        }
        catch (DefinitionException ex)
        {
            return EngineRestJson.Status(StatusCodes.Status400BadRequest, new
            {
                type = "ParseException",
                message = ex.Message,
                details = new
                {
                    resourceName = ex.ResourceName,
                    problems = ex.Problems.Select(p => new { elementId = p.ElementId, message = p.Message, line = p.Line }),
                },
            });
        }
        catch (WorkflowNotFoundException ex)
        {
            return Error(StatusCodes.Status404NotFound, ex.Type, ex.Message);
        }
        catch (WorkflowConflictException ex)
        {
            return Error(StatusCodes.Status409Conflict, ex.Type, ex.Message);
        }
        catch (WorkflowException ex)
        {
            return Error(StatusCodes.Status400BadRequest, ex.Type, ex.Message);
        }
        catch (BadHttpRequestException ex)
        {
            // Kestrel's own refusals (body too large, truncated upload) keep their status.
            return Error(ex.StatusCode, "InvalidRequestException", ex.Message);
        }
        catch (OperationCanceledException) when (context.HttpContext.RequestAborted.IsCancellationRequested)
        {
            // The client went away; there is nobody to answer.
            throw;
        }
        catch (Exception ex)
        {
            // The log keeps the exception; the client gets the correlation id to quote, never its type or message.
            var correlationId = context.HttpContext.TraceIdentifier;
            log.LogError(ex, "Engine REST {Method} {Path} failed ({CorrelationId})", context.HttpContext.Request.Method, context.HttpContext.Request.Path, correlationId);
            return Error(StatusCodes.Status500InternalServerError, "ProcessEngineException", $"The engine could not complete the request; quote {correlationId} to the operator.");
        }
    }

    public static IResult Error(int status, string type, string message) =>
        EngineRestJson.Status(status, new { type, message });
}
