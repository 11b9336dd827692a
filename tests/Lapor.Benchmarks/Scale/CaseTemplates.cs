using System.Data.Common;
using Lapor.Host.Tests.Support;

namespace Lapor.Benchmarks.Scale;

/// <summary>
/// One real case per kind the filler clones: the host's own demo reports (waiting for verification, with an agency,
/// waiting for the reporter's confirmation, finished and rated, waiting for data, archived, confidential) plus three made
/// here through the engine REST API as staff would — forwarded once and still open, forwarded and finished, and
/// forwarded three times, which escalates. Every row the filler writes is a copy of a row the engine and host wrote.
/// </summary>
public static class CaseTemplates
{
    public const string ForwardedOpen = "forwarded-open";
    public const string ForwardedClosed = "forwarded-closed";
    public const string Escalated = "escalated";

    /// <summary>Makes the three forwarded cases; returns tracking code by kind.</summary>
    public static async Task<Dictionary<string, string>> MakeForwardedAsync(HostProcess host)
    {
        using var citizen = host.NewClient();
        var made = new Dictionary<string, string>();
        made[ForwardedOpen] = await ForwardAsync(host, await StorageBenchmark.SubmitAsync(citizen, 1), "puprkim", ["dinkes"]);
        var closed = await ForwardAsync(host, await StorageBenchmark.SubmitAsync(citizen, 2), "puprkim", ["dishub"]);
        await StorageBenchmark.CompleteAsync(host, closed, "tindakLanjut", new Dictionary<string, object>
        {
            ["outcome"] = Text("respond"),
            ["response"] = Text("Sudah ditangani oleh dinas yang berwenang. Terima kasih atas laporan Anda."),
        });
        await StorageBenchmark.ConfirmAsync(host, closed);
        made[ForwardedClosed] = closed;
        made[Escalated] = await ForwardAsync(host, await StorageBenchmark.SubmitAsync(citizen, 3), "puprkim", ["dinkes", "dishub", "satpol-pp"]);
        return made;
    }

    /// <summary>
    /// Every report in the database as a template, with its kind: the three made here by their codes, the demo
    /// reports by their state (status, stage and open task).
    /// </summary>
    public static async Task<List<CaseTemplate>> ReadAsync(DbConnection connection, IReadOnlyDictionary<string, string> made)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = """
            SELECT r."Id", r."TrackingCode", r."ProcessInstanceId", r."Status", r."Stage", r."SubmittedAt",
                   (SELECT t."TaskDefinitionKey" FROM wf_task t WHERE t."InstanceId" = r."ProcessInstanceId" LIMIT 1)
            FROM report r
            """;
        var templates = new List<CaseTemplate>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            var code = reader.GetString(1);
            var kind = made.FirstOrDefault(m => m.Value == code).Key ?? (reader.GetString(3), reader.GetString(4), reader.IsDBNull(6) ? null : reader.GetString(6)) switch
            {
                (_, _, "verifikasi") => "verification",
                (_, _, "tindakLanjut") => "handling",
                ("AwaitingConfirmation", _, _) => "awaiting-confirmation",
                ("Closed", "Diarsipkan", _) => "archived",
                ("Closed", _, _) => "closed",
                _ => "waiting-for-data",
            };
            templates.Add(new CaseTemplate(kind, reader.GetValue(0), code, reader.GetValue(2), Convert.ToDateTime(reader.GetValue(5))));
        }
        return templates;
    }

    private static async Task<string> ForwardAsync(HostProcess host, string code, string first, string[] then)
    {
        await StorageBenchmark.CompleteAsync(host, code, "verifikasi", new Dictionary<string, object>
        {
            ["decision"] = Text("verify"),
            ["agency"] = Text(first),
        });
        foreach (var next in then)
            await StorageBenchmark.CompleteAsync(host, code, "tindakLanjut", new Dictionary<string, object>
            {
                ["outcome"] = Text("forward"),
                ["forwardTo"] = Text(next),
                ["forwardReason"] = Text("Bukan kewenangan kami; instansi tujuan yang menangani hal ini."),
            });
        return code;
    }

    private static object Text(string value) => new { value, type = "String" };
}

/// <param name="ReportId">As stored (text on SQLite, whatever the provider returns on PostgreSQL).</param>
public sealed record CaseTemplate(string Kind, object ReportId, string TrackingCode, object InstanceId, DateTime SubmittedAt);
