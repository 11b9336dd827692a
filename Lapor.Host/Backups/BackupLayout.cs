using System.Globalization;
using Lapor.Host.Infrastructure;

namespace Lapor.Host.Backups;

/// <summary>
/// Where things are: a backup is the database file plus, next to it, <c>&lt;file&gt;.attachments/</c> holding the
/// attachment files; a data folder has <c>lapor.db</c> and <c>attachments/</c> (<see cref="Reports.AttachmentStore"/>).
/// </summary>
public static class BackupLayout
{
    /// <summary>The name <c>AddLaporDatabase</c> gives the SQLite database in the data folder.</summary>
    public const string DatabaseFileName = "lapor.db";

    public const string AttachmentsFolderName = "attachments";

    /// <summary>
    /// The files SQLite keeps beside a database. They belong to that database only: a journal or WAL left next to a
    /// different file of the same name would be replayed into it, so they move and go together with their database.
    /// </summary>
    public static readonly string[] SqliteSidecars = ["", "-wal", "-shm", "-journal"];

    public static string AttachmentsOf(string backupFile) => backupFile + ".attachments";

    public static string DatabaseIn(string dataDirectory) => Path.Combine(dataDirectory, DatabaseFileName);

    public static string AttachmentsIn(string dataDirectory) => Path.Combine(dataDirectory, AttachmentsFolderName);

    public static string DataDirectory(IServiceProvider services) =>
        services.GetRequiredService<LaporOptions>().DataDirectory(services.GetRequiredService<IHostEnvironment>());

    public static bool DatabaseExists(string database) => SqliteSidecars.Any(s => File.Exists(database + s));

    public static void DeleteDatabase(string database)
    {
        foreach (var sidecar in SqliteSidecars)
            File.Delete(database + sidecar);
    }

    /// <summary>Copies the files of <paramref name="from"/> (a flat folder, as the attachment store keeps it); returns how many.</summary>
    public static int CopyFolder(string from, string to)
    {
        Directory.CreateDirectory(to);
        if (!Directory.Exists(from))
            return 0;
        var count = 0;
        foreach (var file in Directory.EnumerateFiles(from))
        {
            File.Copy(file, Path.Combine(to, Path.GetFileName(file)), overwrite: true);
            count++;
        }
        return count;
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.#} KB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.#} MB"),
    };
}
