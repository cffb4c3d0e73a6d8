namespace Deliberation.Persistence;

/// <summary>
/// Recomputes a stream's chain (<see cref="EventHash"/>) over events given in version order and
/// names the first break. Pure: the store, a loading grain and the benchmarks all use it. Events are
/// fed one at a time (<see cref="Add"/>), so a store can verify a long stream as it reads it; each
/// event is judged when the next one arrives (or at <see cref="Finish"/>), because telling a
/// renumbered event from an edited one needs its successor's log position.
/// </summary>
public sealed class ChainVerifier
{
    private readonly string streamId;
    private readonly byte[] previousHash = new byte[EventHash.Size];
    private bool hasPrevious;
    private long expectedVersion;
    private long previousPosition = long.MinValue;
    private StoredEvent? pending;
    private long headVersion;
    private string? headHash;
    private long checkedCount;
    private ChainBreak? firstBreak;

    /// <summary>
    /// A verifier of the continuation of the chain at <paramref name="afterVersion"/>, whose hash is
    /// <paramref name="previousHash"/> ("" and 0 from the start).
    /// </summary>
    public ChainVerifier(string streamId, long afterVersion = 0, string previousHash = "")
    {
        ArgumentNullException.ThrowIfNull(streamId);
        this.streamId = streamId;
        expectedVersion = afterVersion + 1;
        headVersion = afterVersion;
        if (afterVersion > 0)
        {
            headHash = previousHash;
            hasPrevious = true;
            if (!EventHash.TryReadHex(previousHash, this.previousHash))
                firstBreak = new ChainBreak(afterVersion, ChainProblems.HashMismatch, "The stored hash is not 64 lowercase hex characters.");
        }
    }

    /// <summary>Verifies <paramref name="events"/> (one stream, in version order) in one go.</summary>
    public static StreamVerification Verify(string streamId, IEnumerable<StoredEvent> events, long afterVersion = 0, string previousHash = "")
    {
        ArgumentNullException.ThrowIfNull(events);
        var verifier = new ChainVerifier(streamId, afterVersion, previousHash);
        foreach (var e in events)
        {
            if (!verifier.Add(e))
                break;
        }
        return verifier.Finish();
    }

    /// <summary>Takes the next event; false once a break is found (later events change nothing but the head).</summary>
    public bool Add(StoredEvent e)
    {
        ArgumentNullException.ThrowIfNull(e);
        headVersion = e.Version;
        headHash = e.Hash;
        if (firstBreak is not null)
            return false;
        if (pending is not null)
            Judge(pending, e);
        pending = e;
        return firstBreak is null;
    }

    /// <summary>The result: <see cref="StreamVerification.HeadVersion"/> and <see cref="StreamVerification.HeadHash"/> are those of the last event given.</summary>
    public StreamVerification Finish()
    {
        if (pending is not null && firstBreak is null)
            Judge(pending, null);
        pending = null;
        return new StreamVerification(streamId, headVersion, headHash, checkedCount, firstBreak);
    }

    private void Judge(StoredEvent e, StoredEvent? next)
    {
        var problem = Check(e);
        if (problem is { Problem: ChainProblems.LeafMismatch } && next is not null && next.Position < e.Position)
        {
            // Positions are handed out in append order: an event that does not fit its version and
            // was written after its successor was moved here from a later version.
            problem = new ChainBreak(e.Version, ChainProblems.VersionOrder,
                $"Version {e.Version} was written after version {e.Version + 1} (log position {e.Position} > {next.Position}): events were renumbered.");
        }
        if (problem is not null)
        {
            firstBreak = problem;
            return;
        }
        checkedCount++;
        expectedVersion++;
        previousPosition = e.Position;
    }

    private ChainBreak? Check(StoredEvent e)
    {
        if (e.Version > expectedVersion)
            return new ChainBreak(expectedVersion, ChainProblems.MissingVersion,
                $"Version {expectedVersion} is missing: the next stored event has version {e.Version}.");
        if (e.Version < expectedVersion)
            return new ChainBreak(expectedVersion, ChainProblems.VersionOrder,
                $"Version {e.Version} appears again where version {expectedVersion} was expected.");
        if (e.Position <= previousPosition)
            return new ChainBreak(e.Version, ChainProblems.VersionOrder,
                $"Version {e.Version} was written before version {e.Version - 1} (log position {e.Position} ≤ {previousPosition}): events were renumbered.");
        Span<byte> salt = stackalloc byte[EventHash.Size];
        if (!EventHash.TryReadHex(e.Salt, salt))
            return new ChainBreak(e.Version, ChainProblems.LeafMismatch,
                e.Salt.Length == 0 ? "The event has no salt (history not yet migrated to salted commitments)." : "The stored salt is not 64 lowercase hex characters.");
        Span<byte> leaf = stackalloc byte[EventHash.Size];
        EventHash.LeafBytes(salt, e.StreamId, e.Version, e.Type, e.OccurredAt, e.Actor, e.PayloadJson, leaf);
        Span<byte> stored = stackalloc byte[EventHash.Size];
        if (!EventHash.TryReadHex(e.Leaf, stored) || !leaf.SequenceEqual(stored))
            return new ChainBreak(e.Version, ChainProblems.LeafMismatch,
                "The event's content or salt does not give its stored leaf: the event was changed after it was written.");
        Span<byte> hash = stackalloc byte[EventHash.Size];
        EventHash.LinkBytes(hasPrevious ? previousHash : default, leaf, hash);
        if (!EventHash.TryReadHex(e.Hash, stored) || !hash.SequenceEqual(stored))
            return new ChainBreak(e.Version, ChainProblems.HashMismatch,
                $"The stored hash is not SHA-256 of hash({e.Version - 1}) and this leaf: the chain's link was changed.");
        hash.CopyTo(previousHash);
        hasPrevious = true;
        return null;
    }
}
