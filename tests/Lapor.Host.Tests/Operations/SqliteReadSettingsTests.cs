using Lapor.Host.Data;
using Lapor.Host.Infrastructure;
using Lapor.Host.Tests.Support;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Lapor.Host.Tests.Operations;

/// <summary>Every SQLite connection the host's context opens has the configured page cache, not SQLite's 2 MB.</summary>
public sealed class SqliteReadSettingsTests
{
    [Fact]
    public async Task TheDefault_Is16Megabytes_OnEveryConnection()
    {
        await using var host = new LaporHostFactory();
        _ = host.Services;

        Assert.Equal(new LaporOptions.DatabaseSettings().SqliteCacheMegabytes * -1024, await CacheSizeAsync(host));
        // A second context reopens the pooled connection: the setting is still there.
        Assert.Equal(-16 * 1024, await CacheSizeAsync(host));
    }

    [Fact]
    public async Task TheSetting_ChangesIt()
    {
        await using var host = LaporHostFactory.With(("Lapor:Database:SqliteCacheMegabytes", "48"));
        _ = host.Services;

        Assert.Equal(-48 * 1024, await CacheSizeAsync(host));
    }

    private static async Task<long> CacheSizeAsync(LaporHostFactory host)
    {
        await using var scope = host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
        return (await db.Database.SqlQueryRaw<long>("SELECT cache_size AS \"Value\" FROM pragma_cache_size()").ToListAsync()).Single();
    }
}
