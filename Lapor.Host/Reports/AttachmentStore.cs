using Lapor.Host.Infrastructure;

namespace Lapor.Host.Reports;

/// <summary>Attachment files on disk under the data folder, named by their random stored name (never the user's name).</summary>
public sealed class AttachmentStore(LaporOptions options, IHostEnvironment env)
{
    private string Folder
    {
        get
        {
            var folder = Path.Combine(options.DataDirectory(env), "attachments");
            Directory.CreateDirectory(folder);
            return folder;
        }
    }

    public async Task SaveAsync(string storedName, Stream content, CancellationToken ct)
    {
        await using var file = new FileStream(PathOf(storedName), FileMode.CreateNew, FileAccess.Write);
        await content.CopyToAsync(file, ct);
    }

    public Stream? Open(string storedName) =>
        File.Exists(PathOf(storedName)) ? new FileStream(PathOf(storedName), FileMode.Open, FileAccess.Read, FileShare.Read) : null;

    public void Delete(string storedName) => File.Delete(PathOf(storedName));

    private string PathOf(string storedName)
    {
        // Stored names are generated (hex + extension); anything else is refused rather than trusted as a path.
        if (storedName.Length == 0 || storedName.IndexOfAny(['/', '\\']) >= 0 || storedName.Contains("..", StringComparison.Ordinal))
            throw new ArgumentException($"'{storedName}' is not a stored attachment name.", nameof(storedName));
        return Path.Combine(Folder, storedName);
    }
}
