using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Lapor.Host.National;

/// <summary>
/// The connector's signing scheme, both ways: <c>X-Lapor-Signature: sha256=&lt;hex HMAC-SHA256 of "{timestamp}.{body}"&gt;</c>
/// with <c>X-Lapor-Timestamp</c> in Unix seconds. The timestamp is inside the signature, so it cannot be moved forward
/// to replay an old request.
/// </summary>
public static class NationalSignature
{
    public const string TimestampHeader = "X-Lapor-Timestamp";
    public const string SignatureHeader = "X-Lapor-Signature";
    public const string IdempotencyHeader = "Idempotency-Key";
    public const string Prefix = "sha256=";

    /// <summary>How far a timestamp may be from the receiver's clock, either way.</summary>
    public static readonly TimeSpan ReplayWindow = TimeSpan.FromSeconds(300);

    public static string Sign(string secret, long timestamp, ReadOnlySpan<byte> body) =>
        Prefix + Convert.ToHexStringLower(Mac(secret, timestamp, body));

    /// <summary>Whether <paramref name="header"/> is the signature of the body at that timestamp; constant time in the
    /// signature's content, so a caller cannot find the right one byte by byte.</summary>
    public static bool Verify(string secret, long timestamp, ReadOnlySpan<byte> body, string? header)
    {
        if (header is null || !header.StartsWith(Prefix, StringComparison.Ordinal) || header.Length != Prefix.Length + 64)
            return false;
        byte[] given;
        try
        {
            given = Convert.FromHexString(header.AsSpan(Prefix.Length));
        }
        catch (FormatException)
        {
            return false;
        }
        return CryptographicOperations.FixedTimeEquals(given, Mac(secret, timestamp, body));
    }

    /// <summary>Unix seconds as the header carries them: digits only, no sign, no spaces.</summary>
    public static bool TryParseTimestamp(string? header, out long timestamp)
    {
        timestamp = 0;
        return header is { Length: > 0 and <= 12 } && header.All(char.IsAsciiDigit)
               && long.TryParse(header, NumberStyles.None, CultureInfo.InvariantCulture, out timestamp);
    }

    private static byte[] Mac(string secret, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(timestamp.ToString(CultureInfo.InvariantCulture) + ".");
        var message = new byte[prefix.Length + body.Length];
        prefix.CopyTo(message, 0);
        body.CopyTo(message.AsSpan(prefix.Length));
        return HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), message);
    }
}
