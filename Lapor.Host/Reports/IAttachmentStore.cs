namespace Lapor.Host.Reports;

/// <summary>
/// Where attachment bytes live, under the random stored name an <see cref="Lapor.Domain.Reports.Attachment"/> carries.
/// Content is streamed both ways: a 10 MB file never sits whole in memory.
/// </summary>
public interface IAttachmentStore
{
    /// <summary>
    /// True when <see cref="SaveAsync"/> writes inside the DbContext's current transaction, so a rollback takes the
    /// content with it; false when the caller must delete what it saved if its transaction fails.
    /// </summary>
    bool SavesInTransaction { get; }

    Task SaveAsync(string storedName, Stream content, long length, CancellationToken ct = default);

    /// <summary>The content, or null when nothing is stored under the name. The caller disposes the stream.</summary>
    Task<Stream?> OpenAsync(string storedName, CancellationToken ct = default);

    Task DeleteAsync(string storedName, CancellationToken ct = default);
}
