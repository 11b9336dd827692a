using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Lapor.Host.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Lapor.Benchmarks;

/// <summary>
/// `storage`: bytes on disk per finished case. The built host runs as a process on a SQLite file (as the README's run
/// command does, demo data included); N cases go through the default process over HTTP only — submitted with a
/// 500-character text through <c>POST /api/reports</c>, verified and answered through the engine REST API, confirmed by
/// the reporter's message — and the database's used pages before and after are divided by N. History, runtime rows,
/// the report's own tables and every index count; attachments are none.
/// </summary>
public static class StorageBenchmark
{
    private const string Agency = "puprkim";

    public static async Task<int> RunAsync(string[] args)
    {
        var cases = CommandLine.Option(args, "--cases", 10_000);
        var clients = CommandLine.Option(args, "--clients", 8);
        Console.WriteLine($"Command line:  dotnet run -c Release --project tests/Lapor.Benchmarks -- storage --cases {cases} --clients {clients}");
        Console.WriteLine($"Machine:       {Environment.ProcessorCount} logical processors, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");

        var settings = new Dictionary<string, string>
        {
            ["Lapor__Database__Provider"] = "Sqlite",
            ["Lapor__SweepIntervalSeconds"] = "30",
        };
        await using var host = await HostProcess.StartAsync("storage", postgresConnection: "", settings, TimeSpan.FromMinutes(3));
        var database = Path.Combine(host.DataDirectory, "lapor.db");
        if (!File.Exists(database))
            throw new FileNotFoundException($"the host did not make its database where expected: {database}");

        var before = Measure(database);
        var clock = Stopwatch.StartNew();
        var next = 0;
        var failures = 0;
        string? firstFailure = null;
        await Task.WhenAll(Enumerable.Range(0, clients).Select(_ => Task.Run(async () =>
        {
            using var citizen = host.NewClient();
            int n;
            while ((n = Interlocked.Increment(ref next)) <= cases)
            {
                try
                {
                    await FinishOneCaseAsync(host, citizen, n);
                }
                catch (Exception e) when (e is HttpRequestException or InvalidOperationException or TaskCanceledException)
                {
                    Interlocked.Increment(ref failures);
                    firstFailure ??= e.Message;
                }
                if (n % 1000 == 0)
                    Console.WriteLine($"  {n} cases in {clock.Elapsed.TotalSeconds:0} s");
            }
        })));
        var finished = cases - failures;
        if (finished == 0)
        {
            Console.Error.WriteLine($"no case finished: {firstFailure}\n{host.RecentLog}");
            return 1;
        }

        // Let the host's own sweeps settle, then read the file as it rests.
        await Task.Delay(TimeSpan.FromSeconds(2));
        var after = Measure(database);
        var perCase = (after.UsedBytes - before.UsedBytes) / (double)finished;
        Console.WriteLine();
        Console.WriteLine($"cases finished:       {finished} ({failures} failed{(firstFailure is null ? "" : $"; first: {firstFailure}")}) in {clock.Elapsed.TotalSeconds:0} s");
        Console.WriteLine($"database before/after: {before.UsedBytes / 1024.0 / 1024:0.0} MB / {after.UsedBytes / 1024.0 / 1024:0.0} MB used pages");
        Console.WriteLine($"bytes per finished case: {perCase:0} ({perCase / 1024:0.00} KB; target <= 5 KB)");
        Console.WriteLine($"history records per case: {(after.HistoryRecords - before.HistoryRecords) / (double)finished:0.0}");
        Console.WriteLine();
        Console.WriteLine("| table or index | bytes per case |");
        Console.WriteLine("| --- | ---: |");
        foreach (var (name, bytes) in after.ByObject.OrderByDescending(o => o.Value))
        {
            var grown = bytes - before.ByObject.GetValueOrDefault(name);
            if (grown / (double)finished >= 1)
                Console.WriteLine($"| {name} | {grown / (double)finished:0} |");
        }
        // --keep PATH leaves a copy of the filled database for reading its rows (the host's own directory goes away).
        var keepAt = Array.IndexOf(args, "--keep");
        if (keepAt >= 0 && keepAt + 1 < args.Length)
        {
            File.Copy(database, args[keepAt + 1], overwrite: true);
            Console.WriteLine($"database kept at {args[keepAt + 1]}");
        }
        return 0;
    }

    private static async Task FinishOneCaseAsync(HostProcess host, HttpClient citizen, int n)
    {
        var code = await SubmitAsync(citizen, n);
        await CompleteAsync(host, code, "verifikasi", new Dictionary<string, object>
        {
            ["decision"] = new { value = "verify", type = "String" },
            ["agency"] = new { value = Agency, type = "String" },
        });
        await CompleteAsync(host, code, "tindakLanjut", new Dictionary<string, object>
        {
            ["outcome"] = new { value = "respond", type = "String" },
            ["response"] = new { value = "Lampu sudah diganti oleh petugas pada hari Senin. Terima kasih atas laporan Anda.", type = "String" },
        });
        await ConfirmAsync(host, code);
    }

    /// <summary>A guest's complaint with a 500-character text through <c>POST /api/reports</c>; returns its tracking code.</summary>
    internal static async Task<string> SubmitAsync(HttpClient citizen, int n)
    {
        using var submitted = await citizen.PostAsJsonAsync("/api/reports", new
        {
            type = "Complaint",
            title = $"Lampu jalan padam di Jalan Raya Puputan nomor {n}",
            description = Description(n),
            categoryCode = "jalan",
            reporter = new { name = "Ni Made Sari", email = $"made.sari{n}@contoh.id" },
        });
        if (submitted.StatusCode != HttpStatusCode.Created)
            throw new InvalidOperationException($"submission {n}: {(int)submitted.StatusCode} {await submitted.Content.ReadAsStringAsync()}");
        return (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("trackingCode").GetString()!;
    }

    /// <summary>The reporter's confirmation, which ends the case.</summary>
    internal static async Task ConfirmAsync(HostProcess host, string code)
    {
        using var confirmed = await host.Admin.PostAsJsonAsync("message", new { messageName = "ReporterConfirmed", businessKey = code });
        if (!confirmed.IsSuccessStatusCode)
            throw new InvalidOperationException($"confirmation of {code}: {(int)confirmed.StatusCode} {await confirmed.Content.ReadAsStringAsync()}");
    }

    /// <summary>Completes the case's one open task of that kind through the engine REST API as the administrator.</summary>
    internal static async Task CompleteAsync(HostProcess host, string code, string taskKey, Dictionary<string, object> variables)
    {
        var tasks = await host.Admin.GetFromJsonAsync<JsonElement>($"task?processInstanceBusinessKey={code}&taskDefinitionKey={taskKey}");
        if (tasks.GetArrayLength() != 1)
            throw new InvalidOperationException($"{code}: expected one open '{taskKey}' task, found {tasks.GetArrayLength()}");
        var id = tasks[0].GetProperty("id").GetString();
        using var completed = await host.Admin.PostAsJsonAsync($"task/{id}/complete", new { variables });
        if (!completed.IsSuccessStatusCode)
            throw new InvalidOperationException($"{code} {taskKey}: {(int)completed.StatusCode} {await completed.Content.ReadAsStringAsync()}");
    }

    /// <summary>Exactly 500 characters of plausible report text, different per case so nothing compresses by repetition.</summary>
    private static string Description(int n)
    {
        var text = $"Laporan nomor {n}. Sudah tiga minggu lampu penerangan jalan di depan pasar padam setiap malam. " +
                   "Warga yang pulang kerja harus berjalan dalam gelap dan minggu lalu seorang pengendara motor jatuh karena " +
                   "tidak melihat lubang di tepi jalan. Kami sudah melapor ke kepala lingkungan tetapi belum ada perbaikan. " +
                   "Mohon dinas terkait segera memeriksa kabel dan mengganti lampu yang rusak, serta menambal lubang di " +
                   "dekat tiang listrik nomor tujuh belas. Terima kasih atas perhatian dan tindak lanjutnya. ";
        while (text.Length < 500)
            text += $"Catatan tambahan {n}. ";
        return text[..500];
    }

    private sealed record Usage(long UsedBytes, long HistoryRecords, Dictionary<string, long> ByObject);

    /// <summary>Used pages (file pages minus free ones, after a checkpoint) and each table's and index's share from dbstat.</summary>
    private static Usage Measure(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        Scalar(connection, "PRAGMA wal_checkpoint(TRUNCATE)");
        var pageSize = Scalar(connection, "PRAGMA page_size");
        var used = (Scalar(connection, "PRAGMA page_count") - Scalar(connection, "PRAGMA freelist_count")) * pageSize;
        // Old rows (one per event) and records (decision 031), lasting and open: what one case adds.
        var history = Scalar(connection, "SELECT (SELECT COUNT(*) FROM wf_history_event) + (SELECT COUNT(*) FROM wf_history_record) + (SELECT COUNT(*) FROM wf_history_open)");
        return new Usage(used, history, SizeByObject(connection, database));
    }

    /// <summary>
    /// Bytes per table and index from SQLite's dbstat view. The SQLite that ships with Microsoft.Data.Sqlite is built
    /// without it, so the system's sqlite3 shell is asked instead when it is there; without either the breakdown is empty.
    /// </summary>
    private static Dictionary<string, long> SizeByObject(SqliteConnection connection, string database)
    {
        const string query = "SELECT name, SUM(pgsize) FROM dbstat GROUP BY name";
        var sizes = new Dictionary<string, long>(StringComparer.Ordinal);
        try
        {
            using var command = connection.CreateCommand();
            command.CommandText = query;
            using var reader = command.ExecuteReader();
            while (reader.Read())
                sizes[reader.GetString(0)] = reader.GetInt64(1);
            return sizes;
        }
        catch (SqliteException)
        {
            // No dbstat in this build; fall through to the shell.
        }
        if (!File.Exists("/usr/bin/sqlite3"))
            return sizes;
        var shell = Process.Start(new ProcessStartInfo("/usr/bin/sqlite3", ["-readonly", "-separator", "\t", database, query])
        {
            RedirectStandardOutput = true,
            UseShellExecute = false,
        })!;
        var output = shell.StandardOutput.ReadToEnd();
        shell.WaitForExit();
        foreach (var line in output.Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            var parts = line.Split('\t');
            if (parts.Length == 2 && long.TryParse(parts[1], out var bytes))
                sizes[parts[0]] = bytes;
        }
        return sizes;
    }

    private static long Scalar(SqliteConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        return Convert.ToInt64(command.ExecuteScalar());
    }
}
