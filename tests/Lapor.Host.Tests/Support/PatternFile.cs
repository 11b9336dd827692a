using System.Security.Cryptography;

namespace Lapor.Host.Tests.Support;

/// <summary>
/// A large attachment made up in the test: a PNG signature followed by a fixed pseudo-random pattern, so it passes the
/// magic-byte check and any changed, missing or extra byte changes its hash. Generated as it is read, never held whole.
/// </summary>
public sealed class PatternFile(long length) : Stream
{
    private static readonly byte[] Signature = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];
    private long _position;

    public static byte[] Sha256Of(long length)
    {
        using var stream = new PatternFile(length);
        return SHA256.HashData(stream);
    }

    public override bool CanRead => true;
    public override bool CanSeek => true;
    public override bool CanWrite => false;
    public override long Length => length;

    public override long Position
    {
        get => _position;
        set => _position = value;
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        var n = (int)Math.Min(buffer.Length, length - _position);
        for (var i = 0; i < n; i++, _position++)
            buffer[i] = _position < Signature.Length ? Signature[_position] : (byte)((_position * 2654435761L) >> 13);
        return n;
    }

    public override long Seek(long offset, SeekOrigin origin) => _position = origin switch
    {
        SeekOrigin.Begin => offset,
        SeekOrigin.Current => _position + offset,
        _ => length + offset,
    };

    public override void Flush()
    {
    }

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
