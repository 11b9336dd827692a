using System.Security.Cryptography;

namespace Lapor.Domain.Reports;

/// <summary>
/// A file attached to a report. The bytes live in storage under <see cref="StoredName"/>, a random name,
/// so nothing the reporter typed ever becomes part of a path.
/// </summary>
public sealed class Attachment
{
    private Attachment()
    {
    }

    public Guid Id { get; private set; }

    /// <summary>The reporter's file name, cleaned for display.</summary>
    public string FileName { get; private set; } = string.Empty;

    /// <summary>The type the content was found to be, not what the browser claimed.</summary>
    public string ContentType { get; private set; } = string.Empty;

    public long SizeBytes { get; private set; }

    public string StoredName { get; private set; } = string.Empty;

    /// <summary>SHA-256 of the content in lowercase hex, to prove later that the file is unchanged.</summary>
    public string Sha256 { get; private set; } = string.Empty;

    /// <summary>An attachment for a file that <see cref="AttachmentRules.Check"/> allowed; store the bytes under <see cref="StoredName"/>.</summary>
    public static Attachment Create(AttachmentCheck check, long sizeBytes, ReadOnlySpan<byte> sha256)
    {
        ArgumentNullException.ThrowIfNull(check);
        if (!check.IsAllowed || check.ContentType is null || check.Extension is null)
        {
            throw new ArgumentException("Only a file the attachment rules allowed can be attached.", nameof(check));
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sizeBytes);
        if (sha256.Length != SHA256.HashSizeInBytes)
        {
            throw new ArgumentException("Pass the SHA-256 of the content (32 bytes).", nameof(sha256));
        }

        return new Attachment
        {
            Id = Guid.NewGuid(),
            FileName = check.SafeFileName,
            ContentType = check.ContentType,
            SizeBytes = sizeBytes,
            StoredName = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16)) + check.Extension,
            Sha256 = Convert.ToHexStringLower(sha256),
        };
    }
}
