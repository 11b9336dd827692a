using System.Text.Json;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Lapor.Host.Operations;

/// <summary>
/// The JSON body of the health endpoints: the overall status and each check's status with a short description.
/// Anonymous callers read it, so an exception's message never appears: a check that threw shows "failed".
/// </summary>
public static class HealthResponse
{
    public static Task WriteAsync(HttpContext http, HealthReport report)
    {
        http.Response.ContentType = "application/json; charset=utf-8";
        http.Response.Headers.CacheControl = "no-store";
        var body = new
        {
            status = report.Status.ToString(),
            checks = report.Entries.ToDictionary(e => e.Key, e => new
            {
                status = e.Value.Status.ToString(),
                description = e.Value.Exception is null ? e.Value.Description : "failed",
            }),
        };
        return http.Response.WriteAsync(JsonSerializer.Serialize(body, JsonSerializerOptions.Web));
    }
}
