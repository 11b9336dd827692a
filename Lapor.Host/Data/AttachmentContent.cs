namespace Lapor.Host.Data;

/// <summary>
/// An attachment's bytes when attachments are kept in the database (every host sees them). Written and read as a
/// stream with the provider's own API, never through this entity's <see cref="Content"/>; the entity is here so the
/// table is part of the model (and of its migrations).
/// </summary>
public sealed class AttachmentContent
{
    public required string StoredName { get; set; }
    public long Length { get; set; }
    public byte[] Content { get; set; } = [];
    public DateTime CreatedAt { get; set; }
}
