using System.Net;
using Microsoft.AspNetCore.HttpOverrides;

namespace Lapor.Host.Infrastructure;

/// <summary>
/// Behind a reverse proxy the client's address and scheme arrive in X-Forwarded-For / X-Forwarded-Proto. They are
/// believed only from the proxies listed in <c>Lapor:ReverseProxy:KnownProxies</c> (addresses, or networks as
/// <c>10.0.0.0/8</c>); with none listed the headers are ignored, since any client could send them.
/// </summary>
public static class ReverseProxySetup
{
    public static IServiceCollection AddReverseProxy(this IServiceCollection services, LaporOptions options)
    {
        if (options.ReverseProxy.KnownProxies.Count == 0)
            return services;
        return services.Configure<ForwardedHeadersOptions>(o =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor | ForwardedHeaders.XForwardedProto;
            // Only the listed proxies, not the loopback defaults.
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var entry in options.ReverseProxy.KnownProxies)
            {
                if (entry.Contains('/'))
                    o.KnownIPNetworks.Add(System.Net.IPNetwork.Parse(entry));
                else
                    o.KnownProxies.Add(IPAddress.Parse(entry));
            }
        });
    }

    public static IApplicationBuilder UseReverseProxy(this IApplicationBuilder app, LaporOptions options) =>
        options.ReverseProxy.KnownProxies.Count == 0 ? app : app.UseForwardedHeaders();
}
