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
    /// ("" and 0 from the start). Stops at the first break.
    /// </summary>
    public static StreamVerification Verify(string streamId, IEnumerable<StoredEvent> events, long afterVersion = 0, string previousHash = "")
    {
        ArgumentNullException.ThrowIfNull(events);
        var expectedVersion = afterVersion + 1;
        var previousPosition = long.MinValue;
        var headVersion = afterVersion;
        string? headHash = afterVersion == 0 ? null : previousHash;
        long checkedCount = 0;
        foreach (var e in events)
        {
            headVersion = e.Version;
            headHash = e.Hash;
            var problem = Check(e, expectedVersion, previousPosition, previousHash);
            if (problem is not null)
                return new StreamVerification(streamId, headVersion, headHash, checkedCount, problem);
            checkedCount++;
            expectedVersion++;
            previousPosition = e.Position;
            previousHash = e.Hash;
        }
        return new StreamVerification(streamId, headVersion, headHash, checkedCount, null);
    }

    private static ChainBreak? Check(StoredEvent e, long expectedVersion, long previousPosition, string previousHash)
    {
        if (e.Version > expectedVersion)
            return new ChainBreak(expectedVersion, ChainProblems.MissingVersion,
                $"Version {expectedVersion} is missing: the next stored event has version {e.Version}.");
        if (e.Version < expectedVersion)
            return new ChainBreak(e.Version, ChainProblems.VersionOrder,
                $"Version {e.Version} appears where version {expectedVersion} was expected.");
        // Positions are handed out in append order; a version whose position is older than its
        // predecessor's was renumbered after the fact.
        if (e.Position <= previousPosition)
            return new ChainBreak(e.Version, ChainProblems.VersionOrder,
                $"Version {e.Version} was written before version {e.Version - 1} (log position {e.Position} ≤ {previousPosition}).");
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
