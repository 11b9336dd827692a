using Microsoft.AspNetCore.Diagnostics;

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
        var text = status switch
        {
            StatusCodes.Status404NotFound => "Alamat tidak dikenal. Gunakan mis. /open311/v2/services.json / Unknown path.",
            StatusCodes.Status405MethodNotAllowed => "Metode HTTP tidak didukung di alamat ini / Method not allowed.",
            StatusCodes.Status415UnsupportedMediaType =>
                "body: kirim formulir application/x-www-form-urlencoded / send a form (application/x-www-form-urlencoded).",
            _ => "Permintaan tidak dapat dilayani / The request cannot be served.",
        };
        await Open311Reply.Error(FormatOf(http.Request.Path), status, text).ExecuteAsync(http);
    }

    public static string FormatOf(PathString path) =>
        path.Value?.EndsWith(".xml", StringComparison.OrdinalIgnoreCase) == true ? Open311Reply.Xml : Open311Reply.Json;
}
