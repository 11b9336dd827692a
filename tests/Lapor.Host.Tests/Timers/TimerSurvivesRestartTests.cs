using System.Diagnostics;
using System.Globalization;
using Lapor.Host.Tests.Support;
using Microsoft.Data.Sqlite;
using static Lapor.Host.Tests.Support.EngineRestCalls;

namespace Lapor.Host.Tests.Timers;

/// <summary>
/// A timer that comes due while the host is down fires when the host is back: Quartz keeps the trigger in its
/// persistent store (misfire: fire now) and the start-up sweep fires any due job row regardless.
/// </summary>
public sealed class TimerSurvivesRestartTests
{
    /// <summary>From the first host's shutdown to the escalation: the 5 s timer, a restart and a sweep fit well inside.</summary>
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    [Fact]
    public async Task ABoundaryTimerDueWhileTheHostWasDown_FiresAfterRestart_AndEscalates()
    {
        var dataDirectory = LaporHostFactory.NewDataDirectory();
        try
        {
            string instanceId;
            await using (var first = LaporHostFactory.On(dataDirectory))
            {
                await first.Admin.DeployFilesAsync(BpmnFiles.TindakLanjutLaporan);
                instanceId = (await first.Admin.StartAsync("tindakLanjutLaporan", "LPR-2026-0500",
                    new Dictionary<string, object> { ["lokasi"] = Typed("Jl. Sunset Road, Kuta", "String") })).Id();
                await first.Admin.SingleTaskAsync(instanceId, "Task_Tanggapi");
            }

            // The host is down. Prove the timer has not fired yet, and learn when it is due, from the files themselves.
            var (dueAt, escalations) = ReadTimerState(dataDirectory, instanceId);
            Assert.True(escalations == 0, "the escalation must not exist before the restart, or the test proves nothing");
            Assert.True(HasQuartzTrigger(dataDirectory), "Quartz's persistent store should hold the engine job's trigger");
            var clock = Stopwatch.StartNew();
            while (DateTime.UtcNow <= dueAt.AddMilliseconds(200))
            {
                Assert.True(clock.Elapsed < Bound, $"the timer due at {dueAt:O} never came due");
                await Task.Delay(100);
            }

            await using var second = LaporHostFactory.On(dataDirectory);
            while (true)
            {
                var tasks = await second.Admin.GetJsonAsync($"task?processInstanceId={instanceId}");
                var keys = tasks.Strings("taskDefinitionKey");
                if (keys.Contains("Task_EskalasiInspektorat"))
                {
                    Assert.Equal(["Task_EskalasiInspektorat"], keys); // interrupting: the original task is gone
                    break;
                }
                Assert.True(clock.Elapsed < Bound, $"no escalation {clock.Elapsed.TotalSeconds:0} s after the first host stopped (timer due {dueAt:O}); open tasks: {string.Join(", ", keys)}");
                await Task.Delay(250);
            }
            var canceled = await second.Admin.GetJsonAsync($"history/activity-instance?processInstanceId={instanceId}&activityId=Task_Tanggapi");
            Assert.True(Assert.Single(canceled.EnumerateArray()).GetProperty("canceled").GetBoolean());
            var deleted = await second.Admin.GetJsonAsync($"history/task?processInstanceId={instanceId}&taskDefinitionKey=Task_Tanggapi");
            Assert.Contains("Event_BatasTanggap", Assert.Single(deleted.EnumerateArray()).Str("deleteReason"));
        }
        finally
        {
            SqliteConnection.ClearAllPools();
            LaporHostFactory.DeleteDirectory(dataDirectory);
        }
    }

    private static (DateTime DueAt, long Escalations) ReadTimerState(string dataDirectory, string instanceId)
    {
        using var connection = Open(Path.Combine(dataDirectory, "lapor.db"));
        using var due = connection.CreateCommand();
        due.CommandText = "SELECT DueAt FROM wf_job WHERE InstanceId = $id";
        due.Parameters.AddWithValue("$id", instanceId);
        var dueText = (string)(due.ExecuteScalar() ?? throw new Xunit.Sdk.XunitException("the timer job row is missing"));
        using var tasks = connection.CreateCommand();
        tasks.CommandText = "SELECT COUNT(*) FROM wf_task WHERE InstanceId = $id AND TaskDefinitionKey = 'Task_EskalasiInspektorat'";
        tasks.Parameters.AddWithValue("$id", instanceId);
        var count = (long)tasks.ExecuteScalar()!;
        return (DateTime.SpecifyKind(DateTime.Parse(dueText, CultureInfo.InvariantCulture), DateTimeKind.Utc), count);
    }

    private static bool HasQuartzTrigger(string dataDirectory)
    {
        using var connection = Open(Path.Combine(dataDirectory, "quartz.db"));
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COUNT(*) FROM QRTZ_TRIGGERS WHERE TRIGGER_GROUP = 'lapor-engine-jobs'";
        return (long)command.ExecuteScalar()! > 0;
    }

    private static SqliteConnection Open(string file)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = file, Mode = SqliteOpenMode.ReadOnly, Pooling = false }.ToString());
        connection.Open();
        return connection;
    }
}
