using System.Data.Common;
using System.Diagnostics;
using Lapor.Host.Tests.Support;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// `scale`: the built host on a database of N reports over five simulated years (<see cref="ScaleFiller"/>), and the
/// p50/p95 of the pages people open most, over HTTP as each user gets them. The host makes the schema, the demo users
/// and the template cases itself; it is stopped while the filler writes and started again on the filled database.
/// </summary>
public static class ScaleBenchmark
{
    private static readonly string[] Words = ["berlubang", "padam", "sampah", "pungutan", "banjir", "jembatan", "parkir", "obat"];

    public static async Task<int> RunAsync(string[] args)
    {
        var options = ScaleOptions.Parse(args);
        Console.WriteLine($"Command line:  {options.CommandLine}");
        Console.WriteLine($"Machine:       {Environment.ProcessorCount} logical processors, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"Load before:   load average {MachineCpu.LoadAverage()}");

        var dataDirectory = options.Postgres || options.Keep is null ? Path.Combine(Path.GetTempPath(), $"lapor-scale-{Guid.NewGuid():N}") : Path.GetFullPath(options.Keep);
        var reuse = File.Exists(Path.Combine(dataDirectory, "lapor.db"));
        Directory.CreateDirectory(dataDirectory);
        await using var postgres = options.Postgres ? new PostgresServer() : null;
        var database = "";
        if (postgres is not null)
        {
            await postgres.StartAsync();
            database = await postgres.NewDatabaseAsync();
        }
        var settings = new Dictionary<string, string>
        {
            ["Lapor__Database__Provider"] = options.Postgres ? "Postgres" : "Sqlite",
            ["Lapor__DataDirectory"] = dataDirectory,
            ["Lapor__SweepIntervalSeconds"] = "30",
        };
        try
        {
            var codes = reuse ? await SampleCodesAsync(options, dataDirectory) : await FillAsync(options, settings, dataDirectory, database);
            if (!options.Postgres)
                Console.WriteLine($"Database file: {new FileInfo(Path.Combine(dataDirectory, "lapor.db")).Length / 1024.0 / 1024:N0} MB");

            var started = Stopwatch.StartNew();
            await using var filled = await HostProcess.StartAsync("scale", database, settings, TimeSpan.FromMinutes(10));
            Console.WriteLine($"Host start on the filled database: {started.Elapsed.TotalSeconds:0.0} s");
            await MeasureAsync(filled, codes, options.Runs);
            Console.WriteLine($"Load after:    load average {MachineCpu.LoadAverage()}");
            if (options.Keep is not null && !options.Postgres && options.Hold is null)
            {
                // A kept file is measured again, often by hand with a host started on it: the exports this run asked
                // for would be built in that host's background (every page twice as slow meanwhile). Stop this host
                // first, so none is being written, then drop them as the next run would.
                filled.Kill();
                await using var connection = await OpenAsync(options, dataDirectory, database);
                await ForgetExportsAsync(connection, dataDirectory);
            }
            if (options.Hold is { } hold)
            {
                // The exports the run asked for would be built while the database is held, under whatever is measured
                // by hand then (every page took twice as long); the one being built finishes.
                await using (var connection = await OpenAsync(options, dataDirectory, database))
                await using (var command = connection.CreateCommand())
                {
                    command.CommandText = "DELETE FROM prepared_export WHERE \"State\" = 0";
                    Console.WriteLine($"Exports:       {await command.ExecuteNonQueryAsync()} still waiting dropped, so they are not built while holding");
                }
                Console.WriteLine($"Holding:       host {filled.BaseAddress}, database {(options.Postgres ? database : dataDirectory)}; create {hold} to stop");
                while (!File.Exists(hold))
                    await Task.Delay(TimeSpan.FromSeconds(1));
            }
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            if (options.Postgres || options.Keep is null)
                Directory.Delete(dataDirectory, recursive: true);
        }
        return 0;
    }

    private static async Task<List<string>> FillAsync(ScaleOptions options, Dictionary<string, string> settings, string dataDirectory, string database)
    {
        Dictionary<string, string> made;
        await using (var host = await HostProcess.StartAsync("scale", database, settings, TimeSpan.FromMinutes(3)))
            made = await CaseTemplates.MakeForwardedAsync(host);

        List<string> codes;
        var fill = Stopwatch.StartNew();
        await using (var connection = await OpenAsync(options, dataDirectory, database))
        {
            var templates = await CaseTemplates.ReadAsync(connection, made);
            var writable = await RowWriter.WritableColumnsAsync(connection, options.Postgres);
            var rows = new List<TemplateRows>();
            foreach (var template in templates)
                rows.Add(await TemplateRows.ReadAsync(connection, template, writable));
            await using var writer = connection is NpgsqlConnection npgsql ? (RowWriter)new PostgresRowWriter(npgsql) : new SqliteRowWriter((SqliteConnection)connection);
            codes = await new ScaleFiller(connection, writer, options.Postgres, options.Seed).FillAsync(rows, options.Reports, DateTime.UtcNow);
        }
        SqliteConnection.ClearAllPools();
        Console.WriteLine($"Fill total:    {fill.Elapsed.TotalSeconds:0} s (templates read, rows written, tasks claimed, VACUUM (ANALYZE) on PostgreSQL)");
        return codes;
    }

    /// <summary>A kept database: 200 random reports' codes instead of the filler's.</summary>
    private static async Task<List<string>> SampleCodesAsync(ScaleOptions options, string dataDirectory)
    {
        await using var connection = await OpenAsync(options, dataDirectory, "");
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"TrackingCode\" FROM report ORDER BY random() LIMIT 200";
        var codes = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            codes.Add(reader.GetString(0));
        Console.WriteLine($"Reused:        the kept database in {dataDirectory}, {codes.Count} random reports for the one-report pages");
        await ForgetExportsAsync(connection, dataDirectory);
        return codes;
    }

    /// <summary>
    /// The last run asked for month exports at its end, and the host stopped with most still waiting: built now, they
    /// would compete with this run's pages. Drop them and their files.
    /// </summary>
    private static async Task ForgetExportsAsync(DbConnection connection, string dataDirectory)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'prepared_export'";
        if (Convert.ToInt64(await command.ExecuteScalarAsync()) == 0)
            return;
        command.CommandText = "DELETE FROM prepared_export";
        var dropped = await command.ExecuteNonQueryAsync();
        var folder = Path.Combine(dataDirectory, "attachments");
        var files = Directory.Exists(folder) ? Directory.GetFiles(folder, "ekspor-*") : [];
        foreach (var file in files)
            File.Delete(file);
        Console.WriteLine($"Exports:       {dropped} left by the last run dropped, {files.Length} files removed");
    }

    private static async Task MeasureAsync(HostProcess host, List<string> codes, int runs)
    {
        using var anonymous = await SignedInClient.ForAsync(host, null);
        using var puprkim = await SignedInClient.ForAsync(host, "puprkim.petugas");
        using var dinkes = await SignedInClient.ForAsync(host, "dinkes.petugas");
        using var coordinator = await SignedInClient.ForAsync(host, "koordinator");
        using var auditor = await SignedInClient.ForAsync(host, "auditor");
        // The officer pages alternate the two demo agencies' officers: two different inboxes.
        HttpClient Officer(int i) => i % 2 == 0 ? puprkim : dinkes;
        string[] categories = ["jalan", "kesehatan", "lingkungan-hidup", "perizinan", "transportasi", "pendidikan", "air-bersih", "listrik"];
        var now = DateTime.UtcNow;
        string Month(int i) => now.AddMonths(-1 - i % 24).ToString("yyyy-MM");
        string Semester(int i) => $"{now.Year - 1 - i % 4}-S{1 + i % 2}";

        Console.WriteLine();
        Console.WriteLine("| page | p50 ms | p95 ms | requests | first URL |");
        Console.WriteLine("|---|---:|---:|---:|---|");
        await PageTimings.MeasureAsync("officer inbox, first page", i => (Officer(i), "/Tugas"), runs);
        await PageTimings.MeasureAsync("officer inbox, category filter", i => (Officer(i), $"/Tugas?kategori={categories[i / 2 % categories.Length]}"), runs);
        await PageTimings.MeasureAsync("coordinator inbox, first page", _ => (coordinator, "/Tugas"), runs);
        await PageTimings.MeasureAsync("coordinator inbox, category filter", i => (coordinator, $"/Tugas?kategori={categories[i % categories.Length]}"), runs);
        // /Lacak does no database work of its own: for a signed-in staff member it is the layout, i.e. the badge.
        await PageTimings.MeasureAsync("badge (officer, /Lacak signed in)", i => (Officer(i), "/Lacak"), runs);
        await PageTimings.MeasureAsync("badge (coordinator, /Lacak signed in)", _ => (coordinator, "/Lacak"), runs);
        await PageTimings.MeasureAsync("public list, first page", _ => (anonymous, "/Laporan"), runs);
        await PageTimings.MeasureAsync("public list, search", i => (anonymous, $"/Laporan?q={Words[i % Words.Length]}"), runs);
        await PageTimings.MeasureAsync("tracking one report", i => (anonymous, $"/Lacak/{codes[i % codes.Count]}"), runs);
        await PageTimings.MeasureAsync("case viewer (auditor)", i => (auditor, $"/Audit/Kasus/{codes[(i * 7 + 3) % codes.Count]}"), runs);
        await PageTimings.MeasureAsync("performance dashboard, semester", i => (auditor, $"/Audit/Kinerja?periode={Semester(i)}"), runs);
        await PageTimings.MeasureAsync("performance dashboard, month", i => (auditor, $"/Audit/Kinerja?periode={Month(i)}"), runs);
        // A period export is prepared in the background (decision 036). First how long a month's file takes to be
        // ready, each build alone; then the page its user gets when asking (the request and the progress page it
        // redirects to), while the builds those requests start run behind it.
        await ExportTimings.MeasureAsync("export of one month (CSV): file ready and downloaded (p50 and max, not p95)", auditor,
            [.. Enumerable.Range(0, 3).Select(i => $"/Audit/Ekspor?handler=Download&periode={Month(i + 5)}&format=csv")]);
        await PageTimings.MeasureAsync("export of one month (CSV): asking, until its progress page", i => (auditor, $"/Audit/Ekspor?handler=Download&periode={Month(i)}&format=csv"),
            runs, followRedirect: true);
    }

    private static async Task<DbConnection> OpenAsync(ScaleOptions options, string dataDirectory, string database)
    {
        if (options.Postgres)
        {
            var npgsql = new NpgsqlConnection(database);
            await npgsql.OpenAsync();
            return npgsql;
        }
        var sqlite = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = Path.Combine(dataDirectory, "lapor.db"), Pooling = false }.ToString());
        await sqlite.OpenAsync();
        await using var pragma = sqlite.CreateCommand();
        // The filler's own connection only: a crash mid-fill loses a throw-away database, nothing else.
        pragma.CommandText = "PRAGMA synchronous = OFF; PRAGMA cache_size = -1048576;";
        await pragma.ExecuteNonQueryAsync();
        return sqlite;
    }

}
