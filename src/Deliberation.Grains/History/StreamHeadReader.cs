using Deliberation.Domain.History;
using Deliberation.Persistence;

namespace Deliberation.Grains.History;

/// <summary>Reads a stream's head — its hash at a version a grain or an export already holds the state of.</summary>
public static class StreamHeadReader
{
    /// <summary>
    /// The head at <paramref name="version"/>: the hash of that version's event, so the head always
    /// matches the state read at that version even when the stream moved on since.
    /// </summary>
    public static async Task<StreamHead> HeadAtAsync(this IEventStore store, string streamId, long version, CancellationToken cancellationToken = default)
    {
        if (version <= 0)
            return new StreamHead(streamId, 0, "");
        var events = await store.ReadStreamAsync(streamId, version - 1, cancellationToken);
        var at = events.FirstOrDefault(e => e.Version == version)
            ?? throw new InvalidOperationException($"Stream {streamId} has no event at version {version}.");
        return new StreamHead(streamId, version, at.Hash);
    }
}
