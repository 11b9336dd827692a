using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lapor.Workflows.History;

/// <summary>SHA-256 over every field of a row plus its predecessor's hash, in a fixed order and unambiguous encoding.</summary>
public static class HistoryHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    private const int StackBytes = 1024;

    // Every command hashes several rows; one builder per thread spares the text, its copy and its UTF-8 bytes.
    [ThreadStatic] private static StringBuilder? _text;

    public static string Compute(HistoryEventRow row)
    {
        var text = _text ??= new StringBuilder(512);
        text.Clear();
        Field(text, row.PrevHash);
        Field(text, row.ChainId);
        Number(text, row.Seq);
        Field(text, row.Kind.ToString());
        Number(text, row.Time.Ticks);
        Field(text, row.Actor);
        Field(text, row.InstanceId);
        Field(text, row.DefinitionId);
        Field(text, row.ActivityId);
        Field(text, row.ActivityType);
        Field(text, row.ActivityName);
        Field(text, row.ActivityInstanceId);
        Field(text, row.ParentActivityInstanceId);
        Field(text, row.ExecutionId);
        Field(text, row.TaskId);
        Field(text, row.Name);
        Field(text, row.ValueType);
        Field(text, row.Value);
        Field(text, row.Detail);
        var hex = Sha256Hex(text);
        if (text.Capacity > 16 * 1024)
            _text = null; // a huge Detail should not stay pinned to the thread
        return hex;
    }

    /// <summary>Databases keep microseconds at best (PostgreSQL); hashing finer ticks would break on a round trip.</summary>
    public static DateTime Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);

    /// <summary>Length-prefixed (in UTF-16 units) so that no value can imitate a separator; null has its own symbol.</summary>
    private static void Field(StringBuilder text, string? value)
    {
        if (value is null)
            text.Append('\u2400');
        else
            text.Append(value.Length).Append(':').Append(value);
        text.Append('|');
    }

    /// <summary>A number is hashed as the field of its invariant decimal text.</summary>
    private static void Number(StringBuilder text, long value)
    {
        Span<char> digits = stackalloc char[20];
        value.TryFormat(digits, out var written, provider: CultureInfo.InvariantCulture);
        text.Append(written).Append(':').Append(digits[..written]).Append('|');
    }

    private static string Sha256Hex(StringBuilder text)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        var maxBytes = Encoding.UTF8.GetMaxByteCount(text.Length);
        var rented = maxBytes > StackBytes ? ArrayPool<byte>.Shared.Rent(maxBytes) : null;
        try
        {
            text.CopyTo(0, chars, 0, text.Length);
            Span<byte> bytes = rented is null ? stackalloc byte[StackBytes] : rented;
            var count = Encoding.UTF8.GetBytes(chars.AsSpan(0, text.Length), bytes);
            Span<byte> hash = stackalloc byte[SHA256.HashSizeInBytes];
            SHA256.HashData(bytes[..count], hash);
            return Convert.ToHexStringLower(hash);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            if (rented is not null)
                ArrayPool<byte>.Shared.Return(rented);
        }
    }
}
