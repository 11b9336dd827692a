using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Lapor.Workflows.Persistence;

/// <summary>
/// Stores an id in the canonical GUID form (every id the engine makes) as its 16 bytes instead of 36 characters, in
/// tables written for every case (decision 031); any other id (the engine-wide chains' names) as 0xFF and its UTF-8
/// bytes, which can never be 16 bytes long, so the two forms cannot be confused.
/// </summary>
internal sealed class CompactIdConverter() : ValueConverter<string, byte[]>(id => ToBytes(id), bytes => FromBytes(bytes))
{
    private const byte TextMark = 0xFF;

    public static byte[] ToBytes(string id)
    {
        if (id.Length == 36 && Guid.TryParseExact(id, "D", out var guid) && string.Equals(guid.ToString("D"), id, StringComparison.Ordinal))
            return guid.ToByteArray(bigEndian: true);
        var text = System.Text.Encoding.UTF8.GetBytes(id);
        var bytes = new byte[text.Length + 1];
        bytes[0] = TextMark;
        text.CopyTo(bytes, 1);
        // 0xFF plus 15 bytes would be 16 long: pad with a second mark, which UTF-8 never holds, to keep it apart.
        return bytes.Length == 16 ? [TextMark, .. bytes] : bytes;
    }

    public static string FromBytes(byte[] bytes)
    {
        if (bytes.Length == 16)
            return new Guid(bytes, bigEndian: true).ToString("D");
        var start = bytes.Length > 1 && bytes[1] == TextMark ? 2 : 1;
        return System.Text.Encoding.UTF8.GetString(bytes, start, bytes.Length - start);
    }
}
