using System.Net;
using Lapor.Host.Tests.Reports;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.RateLimits;

/// <summary>
/// The host with its rate limits on (test hosts otherwise run in Development, where they are off), small budgets so a
/// test spends them quickly, and the sign-in budget as shipped. Each request says which client address it comes from
/// in <see cref="ClientHeader"/>, as if from different machines; without it a request comes from <see cref="Stranger"/>.
/// </summary>
public sealed class RateLimitedHost : ReportsHost
{
    public const string ClientHeader = "X-Test-Client";
    public const string Stranger = "203.0.113.66";
    public const int Tracking = 3;
    public const int AnonymousSubmissions = 2;
    public const int Registrations = 2;
    public const int ApiPerAccount = 25;
    /// <summary>As in appsettings.json: the budget that must hold below the lockout threshold.</summary>
    public const int SignIn = 8;

    protected override bool DemoData => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Lapor:RateLimits:Enabled", "true");
        builder.UseSetting("Lapor:RateLimits:Tracking:PermitLimit", Tracking.ToString());
        builder.UseSetting("Lapor:RateLimits:AnonymousSubmissions:PermitLimit", AnonymousSubmissions.ToString());
        builder.UseSetting("Lapor:RateLimits:Registrations:PermitLimit", Registrations.ToString());
        builder.UseSetting("Lapor:RateLimits:ApiPerAccount:PermitLimit", ApiPerAccount.ToString());
        builder.UseSetting("Lapor:Open311:ApiKeys:0", Open311.Open311Host.ApiKey);
    }

    protected override void AddServices(IServiceCollection services) => services.AddSingleton<IStartupFilter, ClientAddressFromHeader>();

    /// <summary>A client whose every request comes from <paramref name="address"/>.</summary>
    public HttpClient ClientFrom(string address, bool followRedirects = false)
    {
        var client = CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions
        {
            AllowAutoRedirect = followRedirects,
            HandleCookies = true,
        });
        client.DefaultRequestHeaders.Add(ClientHeader, address);
        return client;
    }

    // The test server has no socket, so no remote address: set it first, before anything reads it.
    private sealed class ClientAddressFromHeader : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((http, rest) =>
            {
                http.Connection.RemoteIpAddress = IPAddress.Parse(
                    http.Request.Headers.TryGetValue(ClientHeader, out var value) ? value.ToString() : Stranger);
                return rest(http);
            });
            next(app);
        };
    }
}
