using System.Buffers;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lapor.Workflows.History;

/// <summary>
/// SHA-256 over every field of the rows one command wrote, preceded by the hash that sealed the chain before them, in a
/// fixed order and unambiguous encoding (decision 028). A command's rows share one hash, stored on its last row; a row
/// written before that design is a command of one row, whose hash is computed exactly as it always was.
/// </summary>
public static class HistoryHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    /// <summary>The hash sealing <paramref name="rows"/> (one command's, in order) after a chain sealed by <paramref name="previousHash"/>.</summary>
    internal static string Compute(string previousHash, IReadOnlyList<HistoryEventRow> rows)
    {
        using var seal = new HistorySeal(previousHash);
        var hash = previousHash;
        foreach (var row in rows)
            hash = seal.Add(row);
        return hash;
    }

    /// <summary>Databases keep microseconds at best (PostgreSQL); hashing finer ticks would break on a round trip.</summary>
    public static DateTime Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);

    /// <summary>The previous hash as the first field of a command's text.</summary>
    internal static void Start(StringBuilder text, string previousHash) => Field(text, previousHash);

    /// <summary>One row's fields, appended to its command's text.</summary>
    internal static void Append(StringBuilder text, HistoryEventRow row)
    {
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
    }

    /// <summary>
    /// Adds <paramref name="text"/> as UTF-8 to <paramref name="hash"/>, encoded whole: a builder's chunks may split a
    /// surrogate pair, and encoding the halves apart would hash other bytes than the rows' text.
    /// </summary>
    internal static void Feed(IncrementalHash hash, StringBuilder text)
    {
        var chars = ArrayPool<char>.Shared.Rent(text.Length);
        var bytes = ArrayPool<byte>.Shared.Rent(Encoding.UTF8.GetMaxByteCount(text.Length));
        try
        {
            text.CopyTo(0, chars, 0, text.Length);
            var count = Encoding.UTF8.GetBytes(chars, 0, text.Length, bytes, 0);
            hash.AppendData(bytes, 0, count);
        }
        finally
        {
            ArrayPool<char>.Shared.Return(chars);
            ArrayPool<byte>.Shared.Return(bytes);
        }
    }

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
}
