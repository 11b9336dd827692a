using System.Net;
using Lapor.Host.Tests.Reports;
using Lapor.Host.Tests.Support;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Operations;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (so <c>/metrics</c> sees a loopback caller), with the shipped process and
/// catalogue (so a submitted report runs), demo data off and <see cref="LaporHostFactory.AdminPassword"/> configured.
/// </summary>
public class OperationsHost : ReportsHost
{
    private readonly List<HttpClient> _clients = [];
    private Uri? _baseAddress;

    public OperationsHost() => UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));

    public Uri BaseAddress => _baseAddress ??= Start();

    /// <summary>An anonymous client over a real socket from 127.0.0.1.</summary>
    public HttpClient Client()
    {
        var client = new HttpClient { BaseAddress = BaseAddress, Timeout = TimeSpan.FromSeconds(60) };
        _clients.Add(client);
        return client;
    }

    private Uri Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()?.Addresses
                        ?? throw new InvalidOperationException("Kestrel reported no addresses.");
        return new Uri(addresses.Single().TrimEnd('/') + "/");
    }

    public override async ValueTask DisposeAsync()
    {
        foreach (var client in _clients)
            client.Dispose();
        await base.DisposeAsync();
    }
}
