using System.Buffers.Binary;
using System.Collections.Frozen;
using System.Globalization;
using System.Text;

namespace Lapor.Domain.Reports;

/// <summary>
/// Which files a reporter may attach: photos (JPEG, PNG), documents (PDF, DOCX) and video (MP4), each
/// at most <see cref="MaxBytes"/>, at most <see cref="MaxFiles"/> per report. The name and the browser's
/// content type are claims; the first bytes of the file decide, so an .exe renamed .pdf or an HTML page
/// renamed .jpg is refused.
/// </summary>
public sealed class AttachmentRules
{
    public const string Field = "Attachments";

    /// <summary>How many leading bytes of the file <see cref="Check"/> wants to see.</summary>
    public const int HeaderLength = 64;

    private const long BytesPerMegabyte = 1024 * 1024;

    private static readonly FrozenDictionary<string, FileKind> KindsByExtension = BuildKinds();

    // MP4 brands from phones, cameras and editors; QuickTime ("qt  ") and HEIF images share the container but are not MP4.
    private static readonly FrozenSet<string> Mp4Brands = FrozenSet.Create(
        StringComparer.Ordinal,
        "isom", "iso2", "iso3", "iso4", "iso5", "iso6", "mp41", "mp42", "avc1", "M4V ", "MSNV", "dash", "mmp4", "3gp4", "3gp5", "3gp6");

    private delegate bool HeaderTest(ReadOnlySpan<byte> header);

    public static AttachmentRules Default { get; } = new();

    public long MaxBytes { get; init; } = 10 * BytesPerMegabyte;

    public int MaxFiles { get; init; } = 5;

    /// <summary>
    /// Judges one upload. <paramref name="header"/> is the start of the file (at least
    /// <see cref="HeaderLength"/> bytes when the file is that long); <paramref name="sizeBytes"/> its full size.
    /// </summary>
    public AttachmentCheck Check(
        string? fileName,
        string? declaredContentType,
        ReadOnlySpan<byte> header,
        long sizeBytes)
    {
        var safeName = AttachmentFileName.Sanitize(fileName);
        var shownName = safeName.Length > 0 ? safeName : "?";
        AttachmentCheck Refuse(string key, params object?[] args) =>
            new(safeName, null, null, ReportMessages.Sentence(Field, key, [shownName, .. args]));

        if (!KindsByExtension.TryGetValue(Path.GetExtension(safeName).ToLowerInvariant(), out var kind))
        {
            return Refuse(ReportMessages.AttachmentTypeNotAllowed);
        }

        if (sizeBytes <= 0)
        {
            return Refuse(ReportMessages.AttachmentEmpty);
        }

        if (sizeBytes > MaxBytes)
        {
            return Refuse(ReportMessages.AttachmentTooLarge, ((double)MaxBytes / BytesPerMegabyte).ToString("0.#", CultureInfo.InvariantCulture));
        }

        if (!DeclaredTypeFits(kind, declaredContentType) || !kind.Test(header))
        {
            return Refuse(ReportMessages.AttachmentContentMismatch, kind.Label);
        }

        return new AttachmentCheck(safeName, kind.ContentType, kind.Extension, null);
    }

    /// <summary>An error when a report that already has <paramref name="alreadyAttached"/> files may take no more.</summary>
    public FieldError? CheckCount(int alreadyAttached) =>
        alreadyAttached >= MaxFiles ? ReportMessages.Sentence(Field, ReportMessages.AttachmentTooMany, MaxFiles) : null;

    // Browsers send application/octet-stream or nothing for types they do not know; anything specific must agree.
    private static bool DeclaredTypeFits(FileKind kind, string? declared)
    {
        var type = declared?.Split(';')[0].Trim();
        return string.IsNullOrEmpty(type)
            || type.Equals("application/octet-stream", StringComparison.OrdinalIgnoreCase)
            || kind.DeclaredTypes.Contains(type, StringComparer.OrdinalIgnoreCase);
    }

    private static bool IsMp4(ReadOnlySpan<byte> header)
    {
        if (header.Length < 12 || !header[4..8].SequenceEqual("ftyp"u8))
        {
            return false;
        }

        // The ftyp box holds the major brand at 8 and compatible brands from 16 on.
        var boxEnd = (int)Math.Min(BinaryPrimitives.ReadUInt32BigEndian(header), (uint)header.Length);
        for (var at = 8; at + 4 <= boxEnd; at += at == 8 ? 8 : 4)
        {
            if (Mp4Brands.Contains(Encoding.ASCII.GetString(header.Slice(at, 4))))
            {
                return true;
            }
        }

        return false;
    }

    private static FrozenDictionary<string, FileKind> BuildKinds()
    {
        var jpeg = new FileKind("JPG", "image/jpeg", ".jpg", ["image/jpeg", "image/jpg", "image/pjpeg"], h => h.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]));
        var png = new FileKind("PNG", "image/png", ".png", ["image/png", "image/x-png"], h => h.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]));
        var pdf = new FileKind("PDF", "application/pdf", ".pdf", ["application/pdf", "application/x-pdf"], h => h.StartsWith("%PDF-"u8));
        // A DOCX is a ZIP package; that its parts are Word's is for Word to judge, the first bytes cannot tell.
        var docx = new FileKind(
            "DOCX",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
            ".docx",
            ["application/vnd.openxmlformats-officedocument.wordprocessingml.document", "application/zip", "application/x-zip-compressed"],
            h => h.StartsWith("PK\u0003\u0004"u8));
        var mp4 = new FileKind("MP4", "video/mp4", ".mp4", ["video/mp4", "application/mp4"], IsMp4);

        return new Dictionary<string, FileKind>
        {
            [".jpg"] = jpeg,
            [".jpeg"] = jpeg,
            [".png"] = png,
            [".pdf"] = pdf,
            [".docx"] = docx,
            [".mp4"] = mp4,
        }.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private sealed record FileKind(string Label, string ContentType, string Extension, string[] DeclaredTypes, HeaderTest Test);
}
