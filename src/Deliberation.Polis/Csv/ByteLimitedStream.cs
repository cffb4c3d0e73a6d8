namespace Deliberation.Polis.Csv;

/// <summary>
/// Read-only view of a stream that fails once more than a set number of bytes has come through, so
/// an oversized upload is refused without being read to its end. What the failure is depends on
/// who reads: a CSV file names its rule, a request body answers 413.
/// </summary>
public sealed class ByteLimitedStream(Stream inner, long maxBytes, Func<long, Exception> tooLarge) : Stream
{
    private long read;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => false;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => read;
        set => throw new NotSupportedException();
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer[..Allowed(buffer.Length)]));

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer[..Allowed(buffer.Length)], cancellationToken));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    // One byte beyond the limit at most, so a stream of exactly the limit passes.
    private int Allowed(int count) => (int)Math.Min(count, maxBytes - read + 1);

    private int Count(int n)
    {
        read += n;
        if (read > maxBytes)
            throw tooLarge(maxBytes);
        return n;
    }
}
