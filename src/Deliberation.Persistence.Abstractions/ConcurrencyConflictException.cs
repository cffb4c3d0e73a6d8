namespace Deliberation.Persistence;

/// <summary>Another writer appended to the stream after the caller read it.</summary>
public sealed class ConcurrencyConflictException(string streamId, long expectedVersion)
    : Exception($"Stream '{streamId}' is no longer at version {expectedVersion}.")
{
    public string StreamId { get; } = streamId;
    public long ExpectedVersion { get; } = expectedVersion;
}
