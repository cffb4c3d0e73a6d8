namespace Deliberation.Persistence;

/// <summary>
/// Recomputes a stream's chain (<see cref="EventHash"/>) over events read in version order and
/// names the first break. Pure: the store, a loading grain and the benchmarks all use it.
/// </summary>
public static class ChainVerifier
{
    /// <summary>
    /// Verifies <paramref name="events"/> (one stream, in version order) as the continuation of the
    /// chain at <paramref name="afterVersion"/>, whose hash is <paramref name="previousHash"/>
    /// ("" and 0 from the start). Stops at the first break. <see cref="StreamVerification.HeadVersion"/>
    /// and <see cref="StreamVerification.HeadHash"/> are those of the last event given, even after a break.
    /// </summary>
    public static StreamVerification Verify(string streamId, IReadOnlyList<StoredEvent> events, long afterVersion = 0, string previousHash = "")
    {
        ArgumentNullException.ThrowIfNull(events);
        var expectedVersion = afterVersion + 1;
        var previousPosition = long.MinValue;
        for (var i = 0; i < events.Count; i++)
        {
            var e = events[i];
            var problem = Check(e, expectedVersion, previousPosition, previousHash);
            if (problem is { Problem: ChainProblems.LeafMismatch } && i + 1 < events.Count && events[i + 1].Position < e.Position)
            {
                // Positions are handed out in append order: an event that does not fit its version
                // and was written after its successor was moved here from a later version.
                problem = new ChainBreak(e.Version, ChainProblems.VersionOrder,
                    $"Version {e.Version} was written after version {e.Version + 1} (log position {e.Position} > {events[i + 1].Position}): events were renumbered.");
            }
            if (problem is not null)
                return new StreamVerification(streamId, events[^1].Version, events[^1].Hash, i, problem);
            expectedVersion++;
            previousPosition = e.Position;
            previousHash = e.Hash;
        }
        return events.Count == 0
            ? new StreamVerification(streamId, afterVersion, afterVersion == 0 ? null : previousHash, 0, null)
            : new StreamVerification(streamId, events[^1].Version, events[^1].Hash, events.Count, null);
    }

    private static ChainBreak? Check(StoredEvent e, long expectedVersion, long previousPosition, string previousHash)
    {
        if (e.Version > expectedVersion)
            return new ChainBreak(expectedVersion, ChainProblems.MissingVersion,
                $"Version {expectedVersion} is missing: the next stored event has version {e.Version}.");
        if (e.Version < expectedVersion)
            return new ChainBreak(e.Version, ChainProblems.VersionOrder,
                $"Version {e.Version} appears where version {expectedVersion} was expected.");
        if (e.Position <= previousPosition)
            return new ChainBreak(e.Version, ChainProblems.VersionOrder,
                $"Version {e.Version} was written before version {e.Version - 1} (log position {e.Position} ≤ {previousPosition}): events were renumbered.");
        if (!EventHash.IsHex(e.Salt))
            return new ChainBreak(e.Version, ChainProblems.LeafMismatch,
                e.Salt.Length == 0 ? "The event has no salt (history not yet migrated to salted commitments)." : "The stored salt is not 64 lowercase hex characters.");
        if (!string.Equals(EventHash.Leaf(e), e.Leaf, StringComparison.Ordinal))
            return new ChainBreak(e.Version, ChainProblems.LeafMismatch,
                "The event's content or salt does not give its stored leaf: the event was changed after it was written.");
        if (!EventHash.IsHex(e.Hash) || !string.Equals(EventHash.Link(previousHash, e.Leaf), e.Hash, StringComparison.Ordinal))
            return new ChainBreak(e.Version, ChainProblems.HashMismatch,
                $"The stored hash is not SHA-256 of hash({e.Version - 1}) and this leaf: the chain's link was changed.");
        return null;
    }
}
