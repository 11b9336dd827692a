using Lapor.Host.Localization;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Localization;

namespace Lapor.Host.Api.Open311;

/// <summary>
/// An error status under <c>/open311</c> that no endpoint wrote a body for (an unknown path, a wrong method) gets the
/// GeoReport error list, in XML when the path asked for XML, instead of problem details meant for other APIs.
/// </summary>
public static class Open311StatusPages
{
    public static async Task WriteAsync(StatusCodeContext context)
    {
        var http = context.HttpContext;
        var status = http.Response.StatusCode;
        // Runs inside the localisation middleware: the client's Accept-Language is the current UI culture.
        var text = http.RequestServices.GetRequiredService<IStringLocalizer<PortalText>>();
        var description = status switch
        {
            StatusCodes.Status404NotFound => text["Api.Open311.PathUnknown"].Value,
            StatusCodes.Status405MethodNotAllowed => text["Api.Open311.MethodNotAllowed"].Value,
            StatusCodes.Status415UnsupportedMediaType => $"body: {text["Api.Open311.FormExpected"]}",
            _ => text["Api.Open311.CannotServe"].Value,
        };
        await Open311Reply.Error(FormatOf(http.Request.Path), status, description).ExecuteAsync(http);
    }

    public static string FormatOf(PathString path) =>
        path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? Open311Reply.Xml : Open311Reply.Json;
}
