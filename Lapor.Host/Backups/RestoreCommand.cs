using System.Globalization;
using Lapor.Host.Infrastructure;

namespace Lapor.Host.Backups;

/// <summary>
/// <c>dotnet run --project Lapor.Host -- restore &lt;file&gt; [--force]</c>, with the host STOPPED: checks the backup
/// (<see cref="BackupCheck"/>) and only then copies it and its <c>&lt;file&gt;.attachments/</c> into the data folder.
/// SQLite cannot reliably tell whether another process has the database open, so the command does not try; it refuses
/// a data folder that already has a database or attachments unless <c>--force</c>, and then moves them aside
/// (<c>lapor.db.before-restore-&lt;time&gt;</c>, <c>attachments.before-restore-&lt;time&gt;</c>) instead of deleting them.
/// Exits 0 when restored, 1 when refused, 2 on a usage error.
/// </summary>
public static class RestoreCommand
{
    public const string Verb = "restore";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        if (services.GetRequiredService<LaporOptions>().UsesPostgres())
        {
            await output.WriteLineAsync("restore writes the SQLite database only; on PostgreSQL restore a pg_dump file with: pg_restore --clean --if-exists --dbname=<database> lapor.dump");
            return 1;
        }
        if (BackupArguments.Parse(args) is not { } request)
        {
            await output.WriteLineAsync($"Usage: {Verb} <file> [--force]   (stop the host first)");
            return 2;
        }
        var backup = request.File;
        var backupAttachments = BackupLayout.AttachmentsOf(backup);
        if (!File.Exists(backup))
            return await FailAsync(output, $"There is no backup at {backup}.");

        BackupCheck.Result check;
        try
        {
            check = await BackupCheck.RunAsync(backup, backupAttachments, ct);
        }
        catch (Exception e) when (e is Microsoft.Data.Sqlite.SqliteException or InvalidOperationException)
        {
            return await FailAsync(output, $"{backup} cannot be read as a Lapor database: {e.Message}; nothing was restored.");
        }
        if (!check.Passed)
            return await FailAsync(output, $"The backup {backup} FAILS verification: {check.Summary()}; nothing was restored.");

        var dataDirectory = BackupLayout.DataDirectory(services);
        var database = BackupLayout.DatabaseIn(dataDirectory);
        var attachments = BackupLayout.AttachmentsIn(dataDirectory);
        var occupied = BackupLayout.DatabaseExists(database) || (Directory.Exists(attachments) && Directory.EnumerateFileSystemEntries(attachments).Any());
        if (occupied && !request.Force)
            return await FailAsync(output, $"{dataDirectory} already holds a database or attachments; stop the host and add --force to move them aside and restore.");

        var movedAside = new List<string>();
        try
        {
            if (occupied)
            {
                var suffix = ".before-restore-" + services.GetRequiredService<TimeProvider>().GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
                // With its -wal beside it under the matching name, the old database still opens with what it had committed.
                foreach (var sidecar in BackupLayout.SqliteSidecars.Where(s => File.Exists(database + s)))
                {
                    File.Move(database + sidecar, database + suffix + sidecar);
                    movedAside.Add(database + suffix + sidecar);
                }
                if (Directory.Exists(attachments))
                {
                    Directory.Move(attachments, attachments + suffix);
                    movedAside.Add(attachments + suffix);
                }
            }
            // Copied under a temporary name and moved, so the data folder never holds half a database.
            File.Copy(backup, database + ".restoring", overwrite: true);
            File.Move(database + ".restoring", database);
            var files = BackupLayout.CopyFolder(backupAttachments, attachments);
            await output.WriteLineAsync(
                $"Restored {backup} into {dataDirectory}: {check.Summary()}; {files} attachment file(s) copied."
                + (movedAside.Count > 0 ? $" The previous data was moved to {string.Join(", ", movedAside)}." : ""));
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return await FailAsync(output, $"Restoring into {dataDirectory} failed: {e.Message}."
                + (movedAside.Count > 0 ? $" The previous data is at {string.Join(", ", movedAside)}." : ""));
        }
    }

    private static async Task<int> FailAsync(TextWriter output, string message)
    {
        await output.WriteLineAsync(message);
        return 1;
    }
}
