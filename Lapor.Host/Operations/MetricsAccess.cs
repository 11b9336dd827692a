using System.Net;
using System.Security.Claims;
using Lapor.Host.Data;
using Lapor.Host.Infrastructure;
using Microsoft.AspNetCore.Authentication;

namespace Lapor.Host.Operations;

/// <summary>
/// Who may read <c>/metrics</c>: staff who run or audit the service (Administrator, Coordinator, Auditor; signed in, or
/// with HTTP Basic as a scraper would), or anything on the same machine (a local Prometheus or agent). Everyone else
/// gets 403: the figures are not secret, but they describe workload and should not be public.
/// </summary>
public static class MetricsAccess
{
    public static bool Allows(IPAddress? remote, ClaimsPrincipal? user) => IsLoopback(remote) || IsStaff(user);

    /// <summary>Runs in the <c>/metrics</c> branch, ahead of the exporter.</summary>
    public static async Task GuardAsync(HttpContext http, RequestDelegate next)
    {
        var allowed = Allows(http.Connection.RemoteIpAddress, http.User);
        // The portal's cookie was read by the authentication middleware; a scraper's Basic credentials are read here.
        if (!allowed && http.Request.Headers.Authorization.Count > 0)
        {
            var basic = await http.AuthenticateAsync(BasicAuthenticationHandler.SchemeName);
            allowed = basic.Succeeded && IsStaff(basic.Principal);
        }
        if (allowed)
        {
            await next(http);
            return;
        }
        http.Response.StatusCode = StatusCodes.Status403Forbidden;
        // A body with a type keeps the portal's HTML status page out of a machine's answer.
        http.Response.ContentType = "text/plain; charset=utf-8";
        await http.Response.WriteAsync("Metrics are for staff or the local machine.");
    }

    private static bool IsLoopback(IPAddress? remote) =>
        remote is not null && IPAddress.IsLoopback(remote.IsIPv4MappedToIPv6 ? remote.MapToIPv4() : remote);

    private static bool IsStaff(ClaimsPrincipal? user) =>
        user?.Identity?.IsAuthenticated == true
        && (user.IsInRole(Roles.Administrator) || user.IsInRole(Roles.Coordinator) || user.IsInRole(Roles.Auditor));
}
