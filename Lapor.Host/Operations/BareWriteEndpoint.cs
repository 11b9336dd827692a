using Lapor.Host.Data;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Host.Operations;

/// <summary>
/// <c>POST /api/bench/bare</c>, only when <c>Lapor:Benchmark:BareEndpoint</c> is true (never by default): the least a
/// write over HTTP can cost in this host — read the body, insert it as one row in one transaction through the host's
/// own context (same connection settings, same write gate), answer 201. The <c>submit</c> benchmark drives it beside
/// <c>POST /api/reports</c> in the same run, so a submission's rate is read against it. Its table is made here, outside
/// the migrations, because it exists only on a benchmark's throw-away database.
/// </summary>
public static class BareWriteEndpoint
{
    public const string Path = "/api/bench/bare";

    public static bool IsEnabled(IConfiguration configuration) => configuration.GetValue<bool>("Lapor:Benchmark:BareEndpoint");

    public static async Task<WebApplication> MapBareWriteEndpointAsync(this WebApplication app)
    {
        if (!IsEnabled(app.Configuration))
            return app;
        await using (var scope = app.Services.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<LaporDb>();
            await db.Database.ExecuteSqlRawAsync(db.Database.IsNpgsql()
                ? "CREATE TABLE IF NOT EXISTS bench_bare (id bigserial PRIMARY KEY, body text NOT NULL, at text NOT NULL)"
                : "CREATE TABLE IF NOT EXISTS bench_bare (id INTEGER PRIMARY KEY, body text NOT NULL, at text NOT NULL)");
        }
        app.MapPost(Path, WriteAsync).AllowAnonymous().DisableAntiforgery().ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> WriteAsync(HttpRequest request, LaporDb db, TimeProvider clock, CancellationToken ct)
    {
        using var reader = new StreamReader(request.Body);
        var body = await reader.ReadToEndAsync(ct);
        await using var transaction = await db.Database.BeginTransactionAsync(ct);
        await db.Database.ExecuteSqlAsync($"INSERT INTO bench_bare (body, at) VALUES ({body}, {clock.GetUtcNow().ToString("O")})", ct);
        await transaction.CommitAsync(ct);
        return Results.StatusCode(StatusCodes.Status201Created);
    }
}
