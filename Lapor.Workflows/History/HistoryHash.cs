using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lapor.Workflows.History;

/// <summary>SHA-256 over every field of a row plus its predecessor's hash, in a fixed order and unambiguous encoding.</summary>
public static class HistoryHash
{
    public const string Genesis = "0000000000000000000000000000000000000000000000000000000000000000";

    public static string Compute(HistoryEventRow row)
    {
        var text = new StringBuilder();
        void Field(string? value) => text.Append(value is null ? "\u2400" : value.Length.ToString(CultureInfo.InvariantCulture) + ":" + value).Append('|');
        Field(row.PrevHash);
        Field(row.ChainId);
        Field(row.Seq.ToString(CultureInfo.InvariantCulture));
        Field(row.Kind.ToString());
        Field(row.Time.Ticks.ToString(CultureInfo.InvariantCulture));
        Field(row.Actor);
        Field(row.InstanceId);
        Field(row.DefinitionId);
        Field(row.ActivityId);
        Field(row.ActivityType);
        Field(row.ActivityName);
        Field(row.ActivityInstanceId);
        Field(row.ParentActivityInstanceId);
        Field(row.ExecutionId);
        Field(row.TaskId);
        Field(row.Name);
        Field(row.ValueType);
        Field(row.Value);
        Field(row.Detail);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Databases keep microseconds at best (PostgreSQL); hashing finer ticks would break on a round trip.</summary>
    public static DateTime Truncate(DateTimeOffset time) =>
        new(time.UtcTicks - time.UtcTicks % TimeSpan.TicksPerMicrosecond, DateTimeKind.Utc);
}
