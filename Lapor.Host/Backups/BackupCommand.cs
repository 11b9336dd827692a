using Lapor.Host.Infrastructure;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Lapor.Host.Backups;

/// <summary>
/// <c>dotnet run --project Lapor.Host -- backup &lt;file&gt; [--force]</c>: a consistent copy of the SQLite database, taken
/// with SQLite's online backup API so the host may keep running, plus the attachment files in
/// <c>&lt;file&gt;.attachments/</c>; then the copy is checked (<see cref="BackupCheck"/>). Exits 0 when the copy is
/// restorable, 1 when it is refused or fails the check, 2 on a usage error. On PostgreSQL it refuses and names the
/// <c>pg_dump</c> command instead. Quartz's <c>quartz.db</c> is not copied: the engine's job rows are the truth.
/// </summary>
public static class BackupCommand
{
    public const string Verb = "backup";

    public static bool IsRequested(string[] args) => args.Length > 0 && args[0] == Verb;

    public static async Task<int> RunAsync(IServiceProvider services, string[] args, TextWriter output, CancellationToken ct = default)
    {
        var options = services.GetRequiredService<LaporOptions>();
        if (options.UsesPostgres())
        {
            await output.WriteLineAsync($"backup copies the SQLite database only; on PostgreSQL use pg_dump: {PgDumpCommand(options.Database.PostgresConnection)}");
            return 1;
        }
        if (BackupArguments.Parse(args) is not { } request)
        {
            await output.WriteLineAsync($"Usage: {Verb} <file> [--force]");
            return 2;
        }
        var target = request.File;
        var attachments = BackupLayout.AttachmentsOf(target);
        var dataDirectory = BackupLayout.DataDirectory(services);
        var source = BackupLayout.DatabaseIn(dataDirectory);
        if (!File.Exists(source))
            return await FailAsync(output, $"There is no database to back up at {source}; check Lapor:DataDirectory.");
        if (Path.GetDirectoryName(target) is not { } folder || !Directory.Exists(folder))
            return await FailAsync(output, $"The folder {Path.GetDirectoryName(target)} does not exist; create it first.");
        if (!request.Force && (BackupLayout.DatabaseExists(target) || Directory.Exists(attachments)))
            return await FailAsync(output, $"{(Directory.Exists(attachments) && !BackupLayout.DatabaseExists(target) ? attachments : target)} already exists; choose another name or add --force to replace it.");

        // Written beside the target under temporary names and moved into place when complete, so an interrupted
        // backup never leaves a file under the name that looks finished.
        var partial = target + ".partial";
        var partialAttachments = attachments + ".partial";
        DeleteBackup(partial, partialAttachments);
        try
        {
            await CopyDatabaseAsync(source, partial, ct);
            // After the database: an attachment file is written before the report that names it commits, so every
            // attachment the copied database names is already on disk now. Files of later reports are harmless extras.
            var files = BackupLayout.CopyFolder(BackupLayout.AttachmentsIn(dataDirectory), partialAttachments);
            var check = await BackupCheck.RunAsync(partial, partialAttachments, ct);
            if (request.Force)
                DeleteBackup(target, attachments);
            File.Move(partial, target);
            Directory.Move(partialAttachments, attachments);
            if (!check.Passed)
                return await FailAsync(output, $"The backup {target} FAILS verification: {check.Summary()}. It is kept as evidence, but restore refuses it; run verify-history on the live database.");
            await output.WriteLineAsync(
                $"Backup {target} ({BackupLayout.Size(new FileInfo(target).Length)}) with {files} attachment file(s) in {attachments}: {check.Summary()}.");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or SqliteException)
        {
            DeleteBackup(partial, partialAttachments);
            return await FailAsync(output, $"The backup to {target} failed: {e.Message}");
        }
    }

    /// <summary>
    /// SQLite's online backup copies every page under one read transaction: a consistent snapshot, while the host's
    /// commands go on writing (WAL). The copy is switched to a rollback journal so it is one self-contained file.
    /// </summary>
    private static async Task CopyDatabaseAsync(string source, string destination, CancellationToken ct)
    {
        await using var from = new SqliteConnection(new SqliteConnectionStringBuilder
            { DataSource = source, Mode = SqliteOpenMode.ReadWrite, Pooling = false, DefaultTimeout = 30 }.ToString());
        await using var to = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = destination, Pooling = false }.ToString());
        await from.OpenAsync(ct);
        await to.OpenAsync(ct);
        from.BackupDatabase(to);
        await using var journal = to.CreateCommand();
        journal.CommandText = "PRAGMA journal_mode=DELETE;";
        await journal.ExecuteNonQueryAsync(ct);
    }

    /// <summary>The pg_dump call for this connection string: host, port, user and database, never the password.</summary>
    public static string PgDumpCommand(string connectionString)
    {
        NpgsqlConnectionStringBuilder parsed;
        try
        {
            parsed = new NpgsqlConnectionStringBuilder(connectionString);
        }
        catch (ArgumentException)
        {
            return "pg_dump --format=custom --file=lapor.dump --host=<host> --username=<user> <database>";
        }
        var parts = new List<string> { "pg_dump", "--format=custom", "--file=lapor.dump" };
        if (!string.IsNullOrEmpty(parsed.Host))
            parts.Add($"--host={Quote(parsed.Host)}");
        if (parsed.Port != NpgsqlConnection.DefaultPort)
            parts.Add($"--port={parsed.Port}");
        if (!string.IsNullOrEmpty(parsed.Username))
            parts.Add($"--username={Quote(parsed.Username)}");
        parts.Add(Quote(parsed.Database ?? "<database>"));
        return string.Join(' ', parts) + " (pg_dump asks for the password, or reads PGPASSWORD or ~/.pgpass)";
    }

    private static string Quote(string value) =>
        value.All(c => char.IsAsciiLetterOrDigit(c) || c is '.' or '-' or '_' or ',' or ':' or '/') ? value : $"'{value.Replace("'", "'\\''", StringComparison.Ordinal)}'";

    private static void DeleteBackup(string file, string attachments)
    {
        BackupLayout.DeleteDatabase(file);
        if (Directory.Exists(attachments))
            Directory.Delete(attachments, recursive: true);
    }

    private static async Task<int> FailAsync(TextWriter output, string message)
    {
        await output.WriteLineAsync(message);
        return 1;
    }
}
