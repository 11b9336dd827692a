using Lapor.Workflows.Queries;
using System.Diagnostics;
using System.Security.Claims;
using Lapor.Host.Accounts;
using Lapor.Host.Data;
using Lapor.Domain.Reports;
using Lapor.Host.Inbox;
using Lapor.Host.Notifications;
using Lapor.Workflows.Calendars;
using Lapor.Workflows;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Lapor.Benchmarks;

/// <summary>
/// `inbox`: the officer inbox's first page (visibility by agency in the query, due-date order, paging) on 1k, 10k and
/// 100k open tasks, against a baseline run in the same process on the same file: the plain indexed query
/// "20 earliest-due tasks" through Microsoft.Data.Sqlite. Reports the median of 30 runs after warm-up, and the ratio.
/// Also the first page with a report filter (category, one of 10) and the notification badge's count, since both run
/// against the same tables on every visit.
/// </summary>
public static class InboxBenchmark
{
    private const int Agencies = 50;
    private const int Runs = 30;
    private const int Categories = 10;

    public static async Task<int> RunAsync(string[] args)
    {
        Console.WriteLine("Command line:  dotnet run -c Release --project tests/Lapor.Benchmarks -- inbox");
        Console.WriteLine($"Machine:       {Environment.ProcessorCount} logical processors, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}");
        Console.WriteLine($"Data:          open tasks spread over {Agencies} agencies (candidate group per task), 30 % assigned; page size 20;");
        Console.WriteLine($"               one report per task, {Categories} categories; filtered pages ask for category \"cat3\"");
        Console.WriteLine();
        Console.WriteLine("   tasks   officer page ms   coordinator page ms   baseline ms   officer/baseline   coordinator/baseline"
                          + "   officer+category ms   coordinator+category ms   officer badge ms   coordinator badge ms");
        foreach (var count in new[] { 1_000, 10_000, 100_000 })
        {
            var file = Path.Combine(Path.GetTempPath(), $"lapor-inbox-{Guid.NewGuid():N}.db");
            var connection = new SqliteConnectionStringBuilder { DataSource = file, Pooling = false }.ToString();
            try
            {
                var options = new DbContextOptionsBuilder<LaporDb>().UseWorkflowSqlite(connection).Options;
                await using (var db = new LaporDb(options))
                    await db.Database.EnsureCreatedAsync();
                await SeedAsync(connection, count);
                if (Environment.GetEnvironmentVariable("LAPOR_BENCH_SQL") == "1" && count == 10_000)
                {
                    var logged = new DbContextOptionsBuilder<LaporDb>().UseWorkflowSqlite(connection)
                        .LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]).Options;
                    await PageAsync(logged, Officer());
                }
                var officer = await MedianAsync(() => PageAsync(options, Officer()));
                var coordinator = await MedianAsync(() => PageAsync(options, Coordinator()));
                var baseline = await MedianAsync(() => BaselineAsync(connection));
                var byCategory = new InboxFilter { PageSize = 20, Category = "cat3" };
                var officerFiltered = await MedianAsync(() => PageAsync(options, Officer(), byCategory));
                var coordinatorFiltered = await MedianAsync(() => PageAsync(options, Coordinator(), byCategory));
                var officerBadge = await MedianAsync(() => BadgeAsync(options, Officer()));
                var coordinatorBadge = await MedianAsync(() => BadgeAsync(options, Coordinator()));
                Console.WriteLine($"{count,8}   {officer,15:0.00}   {coordinator,19:0.00}   {baseline,11:0.00}   {officer / baseline,16:0.0}x   {coordinator / baseline,20:0.0}x"
                                  + $"   {officerFiltered,19:0.00}   {coordinatorFiltered,23:0.00}   {officerBadge,16:0.00}   {coordinatorBadge,20:0.00}");
            }
            finally
            {
                SqliteConnection.ClearAllPools();
                File.Delete(file);
            }
        }
        return 0;
    }

    private static ClaimsPrincipal Officer() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "officer17"), new Claim(ClaimTypes.Role, Roles.LiaisonOfficer), new Claim(LaporClaimTypes.Agency, "agency17")], "bench"));

    private static ClaimsPrincipal Coordinator() => new(new ClaimsIdentity(
        [new Claim(ClaimTypes.Name, "koordinator"), new Claim(ClaimTypes.Role, Roles.Coordinator)], "bench"));

    private static async Task PageAsync(DbContextOptions<LaporDb> options, ClaimsPrincipal user, InboxFilter? filter = null)
    {
        await using var db = new LaporDb(options);
        var inbox = new TaskInbox(db, new TaskQuery(db), BusinessCalendar.Plain(CalendarZones.Wita), TimeProvider.System, new LongInboxes(TimeProvider.System));
        var page = await inbox.ForUserAsync(user, filter ?? new InboxFilter { PageSize = 20 });
        if (page.Items.Count == 0)
            throw new InvalidOperationException("The inbox returned no tasks; the benchmark data is wrong.");
    }

    /// <summary>What the layout pays on every page for a staff member: the last visit, then one count.</summary>
    private static async Task BadgeAsync(DbContextOptions<LaporDb> options, ClaimsPrincipal user)
    {
        await using var db = new LaporDb(options);
        var inbox = new TaskInbox(db, new TaskQuery(db), BusinessCalendar.Plain(CalendarZones.Wita), TimeProvider.System, new LongInboxes(TimeProvider.System));
        if (await new TaskNotifications(db, inbox, TimeProvider.System).CountAsync(user) == 0)
            throw new InvalidOperationException("The badge counted nothing; the benchmark data is wrong.");
    }

    private static async Task BaselineAsync(string connectionString)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT \"Id\", \"Name\", \"Due\" FROM wf_task ORDER BY \"Due\" LIMIT 20";
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
        }
    }

    private static async Task<double> MedianAsync(Func<Task> run)
    {
        for (var i = 0; i < 5; i++)
            await run();
        var times = new List<double>();
        for (var i = 0; i < Runs; i++)
        {
            var watch = Stopwatch.StartNew();
            await run();
            times.Add(watch.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return times[times.Count / 2];
    }

    /// <summary>Rows straight into the engine's tables in one transaction: the benchmark measures reading, not writing.</summary>
    private static async Task SeedAsync(string connectionString, int count)
    {
        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync();
        await using var transaction = connection.BeginTransaction();
        var task = connection.CreateCommand();
        task.Transaction = transaction;
        task.CommandText = """
            INSERT INTO wf_task ("Id", "InstanceId", "ExecutionId", "ActivityInstanceId", "DefinitionId", "TaskDefinitionKey", "Name", "Assignee", "Priority", "Due", "CreatedAt", "Revision")
            VALUES ($id, $instance, $execution, $activity, 'p:1', 'tindakLanjut', 'Tindak lanjut laporan', $assignee, 50, $due, $created, 0)
            """;
        var candidate = connection.CreateCommand();
        candidate.Transaction = transaction;
        candidate.CommandText = "INSERT INTO wf_task_candidate (\"TaskId\", \"Kind\", \"Value\") VALUES ($task, 'Group', $group)";
        var random = new Random(42);
        var start = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
        foreach (var name in new[] { "$id", "$instance", "$execution", "$activity", "$assignee", "$due", "$created" })
            task.Parameters.Add(new SqliteParameter(name, null));
        candidate.Parameters.Add(new SqliteParameter("$task", null));
        candidate.Parameters.Add(new SqliteParameter("$group", null));
        var report = connection.CreateCommand();
        report.Transaction = transaction;
        report.CommandText = """
            INSERT INTO report ("Id", "TrackingCode", "Type", "Title", "Description", "CategoryCode", "IsAnonymous", "IsConfidential",
                                "reporter_name", "SubmittedAt", "ProcessInstanceId", "Stage", "Status", "Language", "NoticesStopped")
            VALUES ($id, $code, 'Complaint', 'Laporan uji', 'Uraian', $category, 0, 0, 'Pelapor', $created, $instance, $stage, 'Open', 'id', 0)
            """;
        foreach (var name in new[] { "$id", "$code", "$category", "$created", "$instance", "$stage" })
            report.Parameters.Add(new SqliteParameter(name, null));
        for (var i = 0; i < count; i++)
        {
            var id = Guid.CreateVersion7().ToString();
            var agency = $"agency{i % Agencies}";
            task.Parameters["$id"].Value = id;
            var instance = Guid.CreateVersion7().ToString();
            task.Parameters["$instance"].Value = instance;
            task.Parameters["$execution"].Value = Guid.CreateVersion7().ToString();
            task.Parameters["$activity"].Value = Guid.CreateVersion7().ToString();
            task.Parameters["$assignee"].Value = random.NextDouble() < 0.3 ? $"officer{i % Agencies}" : DBNull.Value;
            task.Parameters["$due"].Value = start.AddMinutes(random.Next(0, 60 * 24 * 30));
            task.Parameters["$created"].Value = start;
            await task.ExecuteNonQueryAsync();
            candidate.Parameters["$task"].Value = id;
            candidate.Parameters["$group"].Value = agency;
            await candidate.ExecuteNonQueryAsync();
            report.Parameters["$id"].Value = Guid.CreateVersion7().ToString();
            report.Parameters["$code"].Value = TrackingCode.New().ToString();
            report.Parameters["$category"].Value = $"cat{random.Next(Categories)}";
            report.Parameters["$created"].Value = start;
            report.Parameters["$instance"].Value = instance;
            report.Parameters["$stage"].Value = random.Next(4) switch { 0 => "Verifikasi", 1 => "Tindak lanjut", 2 => "Menunggu data", _ => "Selesai" };
            await report.ExecuteNonQueryAsync();
        }
        await transaction.CommitAsync();
    }
}
