namespace Lapor.Host.Reports;

/// <summary>
/// A stored attachment's content as read from the database, which holds a reader or blob handle and the connection
/// open until the response has been sent: disposing the stream lets them go.
/// </summary>
internal sealed class ContentStream(Stream inner, long length, Func<ValueTask> release) : Stream
{
    private bool _released;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;

    // Known from the row, though the stream cannot seek.
    public override long Length => length;

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => inner.Read(buffer, offset, count);

    public override int Read(Span<byte> buffer) => inner.Read(buffer);

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        inner.ReadAsync(buffer, offset, count, cancellationToken);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        inner.ReadAsync(buffer, cancellationToken);

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing)
            DisposeAsync().AsTask().GetAwaiter().GetResult();
        base.Dispose(disposing);
    }

    public override async ValueTask DisposeAsync()
    {
        if (_released)
            return;
        _released = true;
        await inner.DisposeAsync();
        await release();
        GC.SuppressFinalize(this);
    }
}
