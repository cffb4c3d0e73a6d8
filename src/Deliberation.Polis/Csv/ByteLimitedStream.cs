namespace Deliberation.Polis.Csv;

/// <summary>Read-only view of a stream that fails once more than a set number of bytes has come
/// through, so an oversized upload is refused without being read to its end.</summary>
internal sealed class ByteLimitedStream(Stream inner, long maxBytes, string fileName) : Stream
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

    public override int Read(Span<byte> buffer)
    {
        // Ask for one byte beyond the limit at most, so a stream of exactly the limit passes.
        var allowed = (int)Math.Min(buffer.Length, maxBytes - read + 1);
        var n = inner.Read(buffer[..allowed]);
        read += n;
        if (read > maxBytes)
        {
            throw new PolisFormatException(
                PolisRules.TooLarge, fileName, null, null, $"the file is larger than the limit of {maxBytes} bytes");
        }

        return n;
    }

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();
}
