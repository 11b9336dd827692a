using Lapor.Host.Maps;

namespace Lapor.Host.Hardening;

/// <summary>
/// Puts the security headers on every response: pages, API, static files and error answers alike. Set before the rest
/// of the pipeline runs, so a response the exception handler or a status-code page writes still carries them.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, MapSettings map)
{
    // Scripts come only from our own files (JSON data blocks are not executed, so they need no exception). Styles allow
    // 'unsafe-inline' because bpmn-js and Chart.js set style attributes and inject <style> at run time; a style cannot
    // run code, and script-src stays strict. Images may come from the one configured map tile host and no other
    // outside address. docs/security.md says what that does and does not allow.
    private readonly string _policy = ContentSecurityPolicyFor(map);

    public static string ContentSecurityPolicyFor(MapSettings map) =>
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; " +
        $"img-src 'self' data: blob:{(map.TileSource() is { } tiles ? " " + tiles : "")}; " +
        "font-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; " +
        "frame-ancestors 'none'";

    // The report form may ask for the reporter's location later; camera and microphone are never used.
    public const string PermissionsPolicy = "camera=(), microphone=(), geolocation=(self), payment=(), usb=()";

    public Task InvokeAsync(HttpContext http)
    {
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = _policy;
        headers.XContentTypeOptions = "nosniff";
        headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
        headers.XFrameOptions = "DENY";
        headers["Permissions-Policy"] = PermissionsPolicy;
        // The exception handler clears the headers before it writes its answer: put them back as the response starts.
        http.Response.OnStarting(() =>
        {
            headers.ContentSecurityPolicy = _policy;
            headers.XContentTypeOptions = "nosniff";
            headers["Referrer-Policy"] = "strict-origin-when-cross-origin";
            headers.XFrameOptions = "DENY";
            headers["Permissions-Policy"] = PermissionsPolicy;
            return Task.CompletedTask;
        });
        return next(http);
    }
}
