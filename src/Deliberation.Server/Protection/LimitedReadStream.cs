namespace Deliberation.Server.Protection;

/// <summary>
/// A request body read through a byte limit: past it, reading fails with 413 as Kestrel's own limit
/// does. Kestrel already cuts a chunked body off; this holds the same limit on servers that do not
/// (the in-process test server) and names it where the body is read.
/// </summary>
public sealed class LimitedReadStream(Stream inner, long maxBytes) : Stream
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

    public override int Read(byte[] buffer, int offset, int count) => Count(inner.Read(buffer, offset, Allowed(count)));

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

    // One byte beyond the limit at most, so a body of exactly the limit passes.
    private int Allowed(int count) => (int)Math.Min(count, maxBytes - read + 1);

    private int Count(int n)
    {
        read += n;
        if (read > maxBytes)
            throw new BadHttpRequestException($"The request is larger than the limit of {maxBytes} bytes.", StatusCodes.Status413PayloadTooLarge);
        return n;
    }
}
