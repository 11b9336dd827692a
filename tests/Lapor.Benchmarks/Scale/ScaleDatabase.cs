using System.Data.Common;
using System.Diagnostics;
using Lapor.Host.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// One size's database for `scale`: a SQLite data folder (kept or thrown away) or a throw-away PostgreSQL database,
/// filled with <see cref="ScaleFiller"/> or, when a kept folder already holds one, measured as it is.
/// </summary>
public sealed class ScaleDatabase
{
    private ScaleDatabase(int reports, bool postgres, string dataDirectory, string connectionString, bool kept)
    {
        Reports = reports;
        Postgres = postgres;
        DataDirectory = dataDirectory;
        ConnectionString = connectionString;
        Kept = kept;
        Settings = new Dictionary<string, string>
        {
            ["Lapor__Database__Provider"] = postgres ? "Postgres" : "Sqlite",
            ["Lapor__DataDirectory"] = dataDirectory,
            ["Lapor__SweepIntervalSeconds"] = "30",
        };
    }

    public int Reports { get; }

    public bool Postgres { get; }

    public string DataDirectory { get; }

    /// <summary>PostgreSQL's database; empty on SQLite.</summary>
    public string ConnectionString { get; }

    /// <summary>A SQLite folder the run leaves behind (<c>--keep</c>).</summary>
    public bool Kept { get; }

    public IReadOnlyDictionary<string, string> Settings { get; }

    /// <summary>Reports whose one-report pages are measured.</summary>
    public List<string> Codes { get; private set; } = [];

    /// <summary>How the size is named in the tables: 10k, 1M.</summary>
    public string Label => Reports switch
    {
        >= 1_000_000 when Reports % 1_000_000 == 0 => $"{Reports / 1_000_000}M",
        >= 1_000 when Reports % 1_000 == 0 => $"{Reports / 1_000}k",
        _ => Reports.ToString("N0"),
    };

    /// <summary>Fills a new database of <paramref name="reports"/> reports, or samples the one a kept folder holds.</summary>
    public static async Task<ScaleDatabase> PrepareAsync(ScaleOptions options, int reports, PostgresServer? postgres)
    {
        var kept = options.KeptFolder(reports);
        var directory = kept ?? Path.Combine(Path.GetTempPath(), $"lapor-scale-{Guid.NewGuid():N}");
        Directory.CreateDirectory(directory);
        var database = new ScaleDatabase(reports, options.Postgres, directory, postgres is null ? "" : await postgres.NewDatabaseAsync(), kept is not null);
        if (!options.Postgres && File.Exists(Path.Combine(directory, "lapor.db")))
            await database.SampleCodesAsync();
        else
            await database.FillAsync(options.Seed);
        if (!options.Postgres)
            Console.WriteLine($"Database file: {database.Label}, {new FileInfo(Path.Combine(directory, "lapor.db")).Length / 1024.0 / 1024:N0} MB");
        return database;
    }

    public Task<HostProcess> StartHostAsync(TimeSpan timeout) => HostProcess.StartAsync("scale", ConnectionString, Settings, timeout);

    private async Task FillAsync(int seed)
    {
        Dictionary<string, string> made;
        await using (var host = await StartHostAsync(TimeSpan.FromMinutes(3)))
            made = await CaseTemplates.MakeForwardedAsync(host);

        var fill = Stopwatch.StartNew();
        await using (var connection = await OpenAsync())
        {
            var templates = await CaseTemplates.ReadAsync(connection, made);
            var writable = await RowWriter.WritableColumnsAsync(connection, Postgres);
            var rows = new List<TemplateRows>();
            foreach (var template in templates)
                rows.Add(await TemplateRows.ReadAsync(connection, template, writable));
            await using var writer = connection is NpgsqlConnection npgsql ? (RowWriter)new PostgresRowWriter(npgsql) : new SqliteRowWriter((SqliteConnection)connection);
            Codes = await new ScaleFiller(connection, writer, Postgres, seed).FillAsync(rows, Reports, DateTime.UtcNow);
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"Fill total:    {Label}, {fill.Elapsed.TotalSeconds:0} s (templates read, rows written, tasks claimed, VACUUM (ANALYZE) on PostgreSQL)");
    }

    /// <summary>
    /// On PostgreSQL, after the host's first start: that start counted every report into the dashboard's tables (months,
    /// tallies, open stays), rewriting millions of rows, and autovacuum would clean and re-analyse those tables while the
    /// pages are being timed. Vacuumed here instead, as it would be soon after such a start, so the timings are of a
    /// database at rest. Says how many autovacuum workers were busy at that moment. Nothing to do on SQLite.
    /// </summary>
    public async Task SettleAsync()
    {
        if (!Postgres)
            return;
        await using var connection = await OpenAsync();
        await using var busy = connection.CreateCommand();
        busy.CommandText = "SELECT count(*) FROM pg_stat_activity WHERE backend_type = 'autovacuum worker'";
        var workers = Convert.ToInt64(await busy.ExecuteScalarAsync());
        var watch = System.Diagnostics.Stopwatch.StartNew();
        await using var vacuum = connection.CreateCommand();
        vacuum.CommandText = "VACUUM (ANALYZE)";
        vacuum.CommandTimeout = 1800;
        await vacuum.ExecuteNonQueryAsync();
        Console.WriteLine($"Settled:       {Label}, {workers} autovacuum worker(s) busy after the first start; VACUUM (ANALYZE) {watch.Elapsed.TotalSeconds:0} s");
    }

    /// <summary>A kept database: 200 random reports' codes instead of the filler's.</summary>
    private async Task SampleCodesAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"TrackingCode\" FROM report ORDER BY random() LIMIT 200";
        await using (var reader = await command.ExecuteReaderAsync())
            while (await reader.ReadAsync())
                Codes.Add(reader.GetString(0));
        Console.WriteLine($"Reused:        the kept database in {DataDirectory}, {Codes.Count} random reports for the one-report pages");
        await ForgetExportsAsync(connection);
    }

    /// <summary>
    /// After a kept run, with its host stopped: the month exports it asked for would be built in the background of
    /// whatever is measured next on the file (every page twice as slow meanwhile), so they go, with their files.
    /// </summary>
    public async Task ForgetExportsAsync()
    {
        await using var connection = await OpenAsync();
        await ForgetExportsAsync(connection);
    }

    /// <summary>Exports still waiting when the database is held for work by hand: built then, they would slow it.</summary>
    public async Task<int> DropWaitingExportsAsync()
    {
        await using var connection = await OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "DELETE FROM prepared_export WHERE \"State\" = 0";
        return await command.ExecuteNonQueryAsync();
    }

    /// <summary>
    /// Waits, up to <paramref name="limit"/>, until the host has built every export asked for on this database, so the
    /// next host measured does not share the machine with those builds. Returns how many were still waiting at the limit.
    /// </summary>
    public async Task<long> WaitForExportsAsync(TimeSpan limit)
    {
        var waited = System.Diagnostics.Stopwatch.StartNew();
        while (true)
        {
            await using var connection = await OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM prepared_export WHERE \"State\" IN (0, 1)";
            var waiting = Convert.ToInt64(await command.ExecuteScalarAsync());
            if (waiting == 0 || waited.Elapsed > limit)
                return waiting;
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    /// <summary>Removes a thrown-away SQLite folder (PostgreSQL's databases go with their server).</summary>
    public void Discard()
    {
        if (!Kept && Directory.Exists(DataDirectory))
            Directory.Delete(DataDirectory, recursive: true);
    }

    private async Task ForgetExportsAsync(DbConnection connection)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'prepared_export'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync()) == 0)
            return;
        command.CommandText = "DELETE FROM prepared_export";
        var dropped = await command.ExecuteNonQueryAsync();
        var folder = Path.Combine(DataDirectory, "attachments");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "ekspor-*") : [];
        foreach (var file in files)
            File.Delete(file);
        Console.WriteLine($"Exports:       {Label}, {dropped} left by the last run dropped, {files.Length} files removed");
    }

    private async Task<DbConnection> OpenAsync()
    {
        if (Postgres)
        {
            var npgsql = new NpgsqlConnection(ConnectionString);
            await npgsql.OpenAsync();
            return npgsql;
        }
        var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(DataDirectory, "lapor.db"), Pooling = false }.ToString());
        await sqlite.OpenAsync();
        await using var pragma = sqlite.CreateCommand();
        // The filler's own connection only: a crash mid-fill loses a throw-away database, nothing else.
        pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576;";
        await pragma.ExecuteNonQueryAsync();
        return sqlite;
    }
}
