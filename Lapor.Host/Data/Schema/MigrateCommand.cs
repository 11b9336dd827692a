namespace Lapor.Host.Data.Schema;

/// <summary>
/// <c>dotnet run --project Lapor.Host -- migrate [--script]</c>: applies the pending migrations (baselining a release-1
/// database first), marks the reports the performance dashboard has not seen yet (decision 033) and exits without
/// starting the web server; with <c>--script</c> prints the SQL it would run on the
/// configured database and changes nothing, for an operator who reviews or runs it by hand.
/// </summary>
public static class MigrateCommand
{
    public const string Verb = "migrate";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        await using var scope = services.CreateAsyncScope();
        var schema = scope.ServiceProvider.GetRequiredService<DatabaseSchema>();
        try
        {
            if (args.Contains("--script"))
            {
                await output.WriteAsync(await schema.ScriptAsync(ct));
                return 0;
            }
            var applied = await schema.MigrateAsync(ct);
            await output.WriteLineAsync(applied.Count == 0
                ? "The database is up to date; no migration was applied."
                : $"Applied {applied.Count} migration(s): {string.Join(", ", applied)}.");
            var marked = await scope.ServiceProvider.GetRequiredService<Audit.Performance.PerformanceMarkBackfill>().RunAsync(ct);
            if (marked > 0)
                await output.WriteLineAsync($"Counted {marked} report(s) into the performance dashboard.");
            return 0;
        }
        catch (SchemaException e)
        {
            await output.WriteLineAsync(e.Message);
            return 1;
        }
    }
}
