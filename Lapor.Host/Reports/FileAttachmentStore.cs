using Lapor.Host.Infrastructure;

namespace Lapor.Host.Reports;

/// <summary>
/// Attachment files on disk under the data folder, named by their random stored name (never the user's name). The
/// default on SQLite, where there is one host and one folder.
/// </summary>
public sealed class FileAttachmentStore(LaporOptions options, IHostEnvironment env) : IAttachmentStore
{
    public const string FolderName = "attachments";

    public bool SavesInTransaction => false;

    private string Folder
    {
        get
        {
            var folder = Path.Combine(options.DataDirectory(env), FolderName);
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task SaveAsync(string storedName, Stream content, long length, CancellationToken ct = default)
    {
        await using var file = new FileStream(PathOf(storedName), FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, useAsync: true);
        await content.CopyToAsync(file, ct);
    }

    public Task<Stream?> OpenAsync(string storedName, CancellationToken ct = default)
    {
        var path = PathOf(storedName);
        Stream? content = File.Exists(path) ? new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 81920, useAsync: true) : null;
        return Task.FromResult(content);
    }

    public Task DeleteAsync(string storedName, CancellationToken ct = default)
    {
        File.Delete(PathOf(storedName));
        return Task.CompletedTask;
    }

    private string PathOf(string storedName)
    {
        // Stored names are generated (hex + extension); anything else is refused rather than trusted as a path.
        if (storedName.Length == 0 || storedName.IndexOfAny(['/', '\\']) >= 0 || storedName.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException($"'{storedName}' is not a stored attachment name.", nameof(storedName));
        return Path.Combine(Folder, storedName);
    }
}
