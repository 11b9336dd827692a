using System.Net;
using System.Text;
using Lapor.Host.Data;
using Lapor.Host.Operations;
using Lapor.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Operations;

/// <summary>The `submit` benchmark's baseline write exists only where a benchmark switches it on.</summary>
public sealed class BareWriteEndpointTests
{
    private const string Body = """{"title":"Jalan berlubang"}""";

    [Fact]
    public async Task AHostAsShipped_HasNoBareWrite()
    {
        await using var host = new LaporHostFactory();
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var response = await client.PostAsync(BareWriteEndpoint.Path, new StringContent(Body, Encoding.UTF8, "application/json"));

        // No such endpoint: whatever route shares the path's shape refuses the POST.
        Assert.Contains(response.StatusCode, new[] { HttpStatusCode.NotFound, HttpStatusCode.MethodNotAllowed });
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        Assert.Empty(await db.Database.SqlQueryRaw<string>("SELECT name AS \"Value\" FROM sqlite_master WHERE name = 'bench_bare'").ToListAsync());
    }

    [Fact]
    public async Task SwitchedOn_ItStoresTheBodyAsOneRow()
    {
        await using var host = LaporHostFactory.With(("Lapor:Benchmark:BareEndpoint", "true"));
        using var client = new HttpClient { BaseAddress = host.BaseAddress };

        using var first = await client.PostAsync(BareWriteEndpoint.Path, new StringContent(Body, Encoding.UTF8, "application/json"));
        using var second = await client.PostAsync(BareWriteEndpoint.Path, new StringContent(Body, Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        Assert.Equal([Body, Body], await db.Database.SqlQueryRaw<string>("SELECT body AS \"Value\" FROM bench_bare ORDER BY id").ToListAsync());
    }
}
