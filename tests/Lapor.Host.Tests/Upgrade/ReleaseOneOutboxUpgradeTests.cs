using Lapor.Host.Tests.Support;
using Microsoft.Data.Sqlite;

namespace Lapor.Host.Tests.Upgrade;

/// <summary>
/// Release 1 wrote reminders to an outbox nothing sent, addressed to a bare agency code. After the upgrade they are kept,
/// each with its own idempotency key, addressed to the agency's staff group; old reports are Indonesian-language.
/// </summary>
public sealed class ReleaseOneOutboxUpgradeTests
{
    [Fact]
    public async Task ReleaseOneOutboxRows_SurviveTheNoticesMigration_AddressedToTheAgencyGroup()
    {
        var folder = ReleaseOneFolder.Copy();
        var file = Path.Combine(folder, "lapor.db");
        using (var connection = new SqliteConnection($"Data Source={file};Pooling=False"))
        {
            connection.Open();
            using var insert = connection.CreateCommand();
            insert.CommandText = """
                INSERT INTO outbox_message (ProcessInstanceId, BusinessKey, Template, Recipient, CreatedAt, SentAt) VALUES
                ('pi-1', 'LPR-R1-TIMER', 'reminder', 'dinkes', '2026-11-20 01:00:00', NULL),
                ('pi-2', NULL, 'reminder', 'puprkim', '2026-11-21 01:00:00', '2026-11-21 02:00:00');
                """;
            insert.ExecuteNonQuery();
        }
        try
        {
            await using (var host = LaporHostFactory.On(folder))
                _ = host.BaseAddress;

            var rows = ReleaseOneFolder.Strings(file,
                "SELECT Template || '|' || Recipient || '|' || Channel || '|' || IdempotencyKey || '|' || ifnull(SentAt, '-') FROM outbox_message ORDER BY Id");
            Assert.Equal(["reminder|group:dinkes|email|r1-1|-", "reminder|group:puprkim|email|r1-2|2026-11-21 02:00:00"], rows);
            Assert.All(ReleaseOneFolder.Strings(file, "SELECT Language || '|' || ifnull(NoticeToken, '-') || '|' || NoticesStopped FROM report"),
                r => Assert.Equal("id|-|0", r));
        }
        finally
        {
            LaporHostFactory.DeleteDirectory(folder);
        }
    }
}
